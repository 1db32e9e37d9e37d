namespace Cwf.Tests.Syntax;

/// <summary>The .cwf programs of the repository (examples and test programs), in a fixed order, for tests over real text.</summary>
internal static class SamplePrograms
{
    /// <summary>The repository's root.</summary>
    public static string Root => Path.Combine(Binding.Compilation.ExamplesDirectory, "..");

    public static List<string> Files() =>
        Directory.GetFiles(Path.Combine(Root, "examples"), "*.cwf", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Root, "tests"), "*.cwf", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/"))
            .Order(StringComparer.Ordinal)
            .ToList();
}
