using System.Text.RegularExpressions;
using Cwf.Components;
using Cwf.Tests.Canvas;

namespace Cwf.Tests.Components;

/// <summary>A component's canvas id appears in its own descriptor file only: everything else reads the descriptor.</summary>
public partial class ComponentSourceTests
{
    [Fact]
    public void No_component_id_is_written_outside_its_own_descriptor_file()
    {
        var owners = ComponentCatalog.Default.All.ToDictionary(c => c.Id, c => c.GetType().Name + ".cs");
        // The components cwf knows and does not compile have their one place too.
        foreach (var id in UncompiledComponents.Ids) owners.Add(id, nameof(UncompiledComponents) + ".cs");
        var misplaced = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(CanvasTestKit.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")) continue;
            var lines = File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                foreach (Match m in NativeLiteral().Matches(lines[i]))
                {
                    var id = m.Groups["id"].Value;
                    if (owners.TryGetValue(id, out var file) && Path.GetFileName(path) == file) continue;
                    misplaced.Add($"{Path.GetRelativePath(CanvasTestKit.RepoRoot, path)}:{i + 1}: \"{id}\"");
                }
            }
        }
        Assert.True(misplaced.Count == 0, "component ids outside their descriptor file:\n" + string.Join("\n", misplaced));
    }

    [Fact]
    public void The_check_finds_an_id_written_elsewhere()
    {
        Assert.Matches(NativeLiteral(), "case \"native.buffer\": break;");
        Assert.DoesNotMatch(NativeLiteral(), "\"e.g. \\\"native.buffer\\\"\"");
    }

    // A string literal that starts with a canvas component id (not a quote escaped inside a longer string).
    [GeneratedRegex("""(?<![\\\w])"(?<id>native\.[a-z0-9_]+)""")]
    private static partial Regex NativeLiteral();
}
