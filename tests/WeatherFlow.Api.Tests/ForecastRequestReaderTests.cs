namespace WeatherFlow.Api.Tests;

/// <summary>The body of a prediction request checked against the run's model: defaults from the run, every field's
/// rule, and the first wrong place in supplied fields named.</summary>
public sealed class ForecastRequestReaderTests
{
    /// <summary>Two channels on a 2 × 3 grid; trained with seed 42, 5 time steps and dopri5.</summary>
    private static readonly ModelMetadata Model = new(
        ModelMetadata.SafetensorsFormat, "grid",
        new ExperimentConfig { Training = new TrainingConfig { Seed = 42, TimeSteps = 5, SolverMethod = "dopri5" } },
        ["t@500", "z@500"], new GridSize(2, 3), Epoch: 1, Normalisation: null, Parameters: 100, SizeBytes: 400);

    private const string Shape = "[2][2][3] (t@500, z@500 on a 2 × 3 grid)";

    [Fact]
    public void An_empty_request_asks_the_runs_own_forecast()
    {
        var (request, errors) = Read("{}");

        Assert.Empty(errors);
        Assert.Equal(new ForecastRequest(42, null, 5, "dopri5"), request);
    }

    [Fact]
    public void Given_fields_replace_the_runs_and_null_initial_means_none()
    {
        var (request, errors) = Read("""{"seed": 0, "timeSteps": 12, "solverMethod": "rk4", "initial": null}""");

        Assert.Empty(errors);
        Assert.Equal(new ForecastRequest(0, null, 12, "rk4"), request);
    }

    [Fact]
    public void Fields_of_the_models_shape_are_read_as_channel_lat_lon()
    {
        var (request, errors) = Read("""{"initial": [[[1, 2, 3], [4, 5, 6]], [[-1, 0.5, 1e3], [0, 0, 0]]]}""");

        Assert.Empty(errors);
        var initial = request!.Initial!;
        Assert.Equal([4.0, 5, 6], initial[0][1]);
        Assert.Equal([-1, 0.5, 1000], initial[1][0]);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("5")]
    [InlineData("\"seed\"")]
    public void A_body_that_is_no_object_is_refused_as_the_body(string body)
    {
        var (request, errors) = Read(body);

        Assert.Null(request);
        Assert.Equal(["body"], errors.Keys);
    }

    [Theory]
    [InlineData("""{"seed": -1}""", "seed", "seed must be a whole number from 0 to 2147483647; got -1.")]
    [InlineData("""{"seed": 1.5}""", "seed", "seed must be a whole number from 0 to 2147483647; got 1.5.")]
    [InlineData("""{"seed": "5"}""", "seed", "seed must be a whole number from 0 to 2147483647; got \"5\".")]
    [InlineData("""{"seed": 1e100}""", "seed", "seed must be a whole number from 0 to 2147483647; got 1e100.")]
    [InlineData("""{"timeSteps": 2}""", "timeSteps", "timeSteps must be a whole number from 3 to 12; got 2.")]
    [InlineData("""{"timeSteps": 13}""", "timeSteps", "timeSteps must be a whole number from 3 to 12; got 13.")]
    [InlineData("""{"solverMethod": "euler"}""", "solverMethod", "solverMethod must be one of dopri5, rk4, midpoint.")]
    [InlineData("""{"solverMethod": 4}""", "solverMethod", "solverMethod must be one of dopri5, rk4, midpoint.")]
    [InlineData("""{"steps": 4}""", "steps", "'steps' is not a field of a prediction request; the fields are seed, timeSteps, solverMethod, initial.")]
    public void A_bad_field_is_refused_under_its_name(string body, string field, string message)
    {
        var (request, errors) = Read(body);

        Assert.Null(request);
        Assert.Equal(message, Assert.Single(Assert.Single(errors, error => error.Key == field).Value));
    }

    [Fact]
    public void Every_bad_field_is_reported_in_one_answer()
    {
        var (_, errors) = Read("""{"seed": -1, "timeSteps": 99, "solverMethod": "euler", "initial": [], "colour": "red"}""");

        Assert.Equal(["colour", "initial", "seed", "solverMethod", "timeSteps"], errors.Keys.Order());
    }

    [Theory]
    [InlineData("{}", $"initial must be an array of 2 channel fields, shaped {Shape}.")]
    [InlineData("[[[1,2,3],[4,5,6]]]", $"initial must be an array of 2 channel fields, shaped {Shape}.")]
    [InlineData("[[[1,2,3],[4,5,6]], [[1,2,3]]]", $"initial[1] must be an array of 2 latitude rows, shaped {Shape}.")]
    [InlineData("[[[1,2,3],[4,5]], [[1,2,3],[4,5,6]]]", $"initial[0][1] must be an array of 3 numbers, shaped {Shape}.")]
    [InlineData("[[[1,2,3],[4,5,6]], [[1,2,3],\"row\"]]", $"initial[1][1] must be an array of 3 numbers, shaped {Shape}.")]
    [InlineData("[[[1,2,3],[4,null,6]], [[1,2,3],[4,5,6]]]", "initial[0][1][1] must be a finite number; got null.")]
    [InlineData("[[[1,2,3],[4,5,6]], [[1,2,\"3\"],[4,5,6]]]", "initial[1][0][2] must be a finite number; got \"3\".")]
    [InlineData("[[[1,2,3],[4,5,6]], [[1,2,1e39],[4,5,6]]]", "initial[1][0][2] must be a finite number; got 1e39.")]
    public void Fields_of_another_shape_or_with_a_non_number_name_the_first_wrong_place(string initial, string message)
    {
        var (request, errors) = Read($$"""{"initial": {{initial}}}""");

        Assert.Null(request);
        Assert.Equal(message, Assert.Single(errors["initial"]));
    }

    [Fact]
    public void The_answers_key_is_the_same_for_the_same_question_and_differs_for_another()
    {
        var request = new ForecastRequest(5, null, 4, "rk4");

        var key = ForecastRequestReader.Hash("config-a", request);

        Assert.Equal(key, ForecastRequestReader.Hash("config-a", request with { }));
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.NotEqual(key, ForecastRequestReader.Hash("config-b", request));
        Assert.NotEqual(key, ForecastRequestReader.Hash("config-a", request with { Seed = 6 }));
        Assert.NotEqual(key, ForecastRequestReader.Hash("config-a", request with { Initial = [[[0.0]]] }));
    }

    private static (ForecastRequest? Request, Dictionary<string, string[]> Errors) Read(string body) =>
        ForecastRequestReader.Read(JsonDocument.Parse(body).RootElement, Model);
}
