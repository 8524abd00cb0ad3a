namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>
/// Any command run as a supervised local process (Aspire's <c>AddExecutable</c>). Run mode only: azd cannot deploy
/// executables, so an AppHost meant for publishing should not use them.
/// </summary>
public sealed class ExecutableResource(string name, string command, string workingDirectory, IReadOnlyList<string> args)
    : Resource(name), IResourceWithEnvironment, IResourceWithWaitSupport
{
    public string Command { get; } = command;

    public string WorkingDirectory { get; } = workingDirectory;

    public IReadOnlyList<string> Args { get; } = args;

    public IList<Action<EnvironmentCallbackContext>> EnvironmentCallbacks { get; } = [];

    public IList<IResource> WaitsFor { get; } = [];

    public IList<IResource> References { get; } = [];
}
