namespace WeatherFlow.Hosting;

/// <summary>
/// Implemented by the generated <c>Projects.*</c> classes (one per AppHost ProjectReference marked
/// <c>IsAspireProjectResource</c>), as in Aspire.
/// </summary>
public interface IProjectMetadata
{
    /// <summary>Full path of the project file.</summary>
    string ProjectPath { get; }

    /// <summary>Full path of the project's built assembly, which run mode starts with <c>dotnet</c>.</summary>
    string AssemblyPath { get; }
}
