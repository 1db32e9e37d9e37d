namespace Cwf.Tests.Infrastructure;

/// <summary>Locations inside the repository, found from the test assembly's directory.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the nearest ancestor directory holding Compiler.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the repository root, e.g. <c>RepoPaths.Combine("examples", "x.cwf")</c>.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compiler.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Compiler.sln above {AppContext.BaseDirectory}: the tests must run from a build inside the repository.");
    }
}
