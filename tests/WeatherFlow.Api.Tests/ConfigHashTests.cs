using System.Text;
using WeatherFlow.Contracts.ReferenceWireFormat;

namespace WeatherFlow.Api.Tests;

/// <summary>A submission hashes the canonical text it stores; the hash must stay the contract's, which keys the
/// result cache and the kept models.</summary>
public sealed class ConfigHashTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("""{"dataset":{"variables":["t","z"],"gridSize":{"lat":8,"lon":16}},"model":{"backbone":"icosahedral","hiddenDim":48},"training":{"seed":7,"epochs":2}}""")]
    [InlineData("""{"dataset":{"variables":["t"]},"training":{"learningRate":0.00005}}""")]
    public void The_hash_of_the_canonical_text_is_the_configs_own(string request)
    {
        var read = ExperimentConfigReader.Read(Encoding.UTF8.GetBytes(request));
        Assert.True(read.IsValid);
        var config = read.Config;

        Assert.Equal(config.ComputeHash(), ConfigHash.Of(config.ToCanonicalJson()));
    }
}
