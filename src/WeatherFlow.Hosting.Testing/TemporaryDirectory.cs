namespace WeatherFlow.Hosting.Testing;

/// <summary>A state folder that lives as long as the test's application.</summary>
internal sealed class TemporaryDirectory(string path) : IDisposable
{
    public string Path { get; } = path;

    public static TemporaryDirectory Create()
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "weatherflow-tests");
        Directory.CreateDirectory(root);
        return new(System.IO.Path.Combine(root, Guid.NewGuid().ToString("N")[..12]));
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A server that ignored its stop may still be writing; the OS cleans /tmp eventually.
        }
    }
}
