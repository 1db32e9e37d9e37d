using System.Text.RegularExpressions;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Architecture;

/// <summary>
/// The stage order of spec/architecture.md, checked on the compiled library: every reference
/// from a type of one stage to a type of another stage or a library must be in the table.
/// </summary>
public partial class LayeringTests
{
    private static readonly IReadOnlyDictionary<string, StageRule> Rules = StageTable.Read();

    /// <summary>Every use of a stage or library by a type of another stage, from the compiled Cwf.dll.</summary>
    private static readonly IReadOnlyList<StageUse> Uses = FindUses();

    /// <summary>A type of stage <paramref name="From"/> refers to <paramref name="Edge"/>.To, of stage or library <paramref name="Target"/>.</summary>
    private sealed record StageUse(string From, string Target, bool IsLibrary, TypeReferenceEdge Edge);

    [Fact]
    public void Every_reference_between_stages_is_one_the_table_allows()
    {
        var forbidden = Uses
            .Where(u => !Rules.TryGetValue(u.From, out var rule) || !(u.IsLibrary ? rule.Libraries : rule.Stages).Contains(u.Target))
            .Select(u => $"{u.Edge.From} ({u.From}) refers to {u.Edge.To} ({u.Target}), which {u.From} may not use; " +
                         $"{StageTable.SpecPath} allows {u.From}: {Allowed(u.From)}")
            .ToList();
        Assert.True(forbidden.Count == 0,
            $"{forbidden.Count} references break the stage order of {StageTable.SpecPath}:\n" + string.Join("\n", forbidden));
    }

    [Fact]
    public void Every_dependency_the_table_allows_is_used()
    {
        var used = Uses.Select(u => (u.From, u.Target)).ToHashSet();
        var unused = Rules.Values
            .SelectMany(r => r.Stages.Concat(r.Libraries).Select(target => (r.Stage, Target: target)))
            .Where(d => !used.Contains(d))
            .Select(d => $"{d.Stage} may use {d.Target}, but no type of {d.Stage} does: remove it from the table")
            .ToList();
        Assert.True(unused.Count == 0, $"{StageTable.SpecPath} allows more than the code needs:\n" + string.Join("\n", unused));
    }

    [Fact]
    public void The_allowed_dependencies_form_no_cycle()
    {
        // Kahn's algorithm: stages whose allowed stages are all placed get placed; a cycle never does.
        var placed = new HashSet<string>();
        bool progress = true;
        while (progress)
        {
            progress = false;
            foreach (var rule in Rules.Values.Where(r => !placed.Contains(r.Stage) && r.Stages.All(placed.Contains)))
                progress |= placed.Add(rule.Stage);
        }
        var stuck = Rules.Keys.Where(s => !placed.Contains(s)).Order(StringComparer.Ordinal).ToList();
        Assert.True(stuck.Count == 0, "these stages depend on each other in a cycle, or on a stage with no row: " + string.Join(", ", stuck));
    }

    [Fact]
    public void Every_source_file_declares_the_namespace_of_its_stage_folder()
    {
        var root = RepoPaths.Combine("src", "Cwf");
        var wrong = new List<string>();
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal)) continue;
            var parts = relative.Split('/')[..^1];
            var declared = NamespaceDeclaration().Match(File.ReadAllText(file)) is { Success: true } m ? m.Groups[1].Value : null;
            if (parts.Length == 0)
            {
                wrong.Add($"{relative}: a file must live in a stage folder");
                continue;
            }
            folders.Add(parts[0]);
            string stage = "Cwf." + parts[0], folder = "Cwf." + string.Join('.', parts);
            if (declared != stage && declared != folder)
                wrong.Add($"{relative}: namespace {declared ?? "(none)"}, expected {stage}{(folder == stage ? "" : " or " + folder)}");
        }
        foreach (var folder in folders.Where(f => !Rules.ContainsKey(f)).Order(StringComparer.Ordinal))
            wrong.Add($"src/Cwf/{folder}: a stage folder with no row in {StageTable.SpecPath}");
        foreach (var stage in Rules.Keys.Where(s => !folders.Contains(s)).Order(StringComparer.Ordinal))
            wrong.Add($"{StageTable.SpecPath}: a row for {stage}, which has no folder in src/Cwf");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static string Allowed(string stage) =>
        Rules.TryGetValue(stage, out var rule)
            ? string.Join(", ", rule.Stages.Concat(rule.Libraries).DefaultIfEmpty("nothing"))
            : "nothing (the stage has no row)";

    private static List<StageUse> FindUses()
    {
        var uses = new List<StageUse>();
        foreach (var edge in TypeReferences.Read(typeof(Workflow).Assembly.Location))
        {
            // Types outside Cwf.* are the compiler's (regex generators, <PrivateImplementationDetails>); the namespace test keeps source files inside.
            if (StageOf(edge.FromNamespace) is not { } from) continue;
            if (StageOf(edge.ToNamespace) is { } to)
            {
                if (to != from) uses.Add(new StageUse(from, to, IsLibrary: false, edge));
            }
            else if (LibraryOf(edge.ToNamespace) is { } library) uses.Add(new StageUse(from, library, IsLibrary: true, edge));
        }
        return uses;
    }

    // Cwf.Emit.Scripts belongs to Emit: a sub-namespace counts as its stage.
    private static string? StageOf(string ns) => ns.StartsWith("Cwf.", StringComparison.Ordinal) ? ns.Split('.')[1] : null;

    // .NET itself is open to every stage; the empty namespace holds compiler-generated types.
    private static string? LibraryOf(string ns) =>
        ns.Length == 0 || ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns.StartsWith("Microsoft.", StringComparison.Ordinal)
            ? null
            : ns.Split('.')[0];

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
