namespace WeatherFlow.TestSupport;

/// <summary>
/// The AppHost's own model with its projects taken out, so that a test starts exactly the local servers the
/// developer gets from <c>./eng/run.sh</c>, on a state folder of its choosing, in a few seconds.
/// </summary>
public static class BackingServersOnly
{
    public static async Task<DistributedApplication> StartAsync(
        string stateDirectory, Func<IResource, bool> keep, CancellationToken cancellationToken, params string[] arguments)
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.WeatherFlow_AppHost>(
            [.. AppHostArguments.State(stateDirectory), .. arguments], cancellationToken);
        foreach (var resource in appHost.Resources.Where(r => r is ProjectResource || !(r is ParameterResource || keep(r))).ToList())
        {
            appHost.Resources.Remove(resource);
        }
        var app = await appHost.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        return app;
    }
}
