using Cwf.Diagnostics;
using Cwf.Emit;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Emit;

/// <summary>spec/dialects.md shows the dialects as the code declares them, and documents every emit diagnostic.</summary>
public class DialectSpecTests
{
    private static string Spec => File.ReadAllText(RepoPaths.Combine("spec", "dialects.md")).ReplaceLineEndings("\n");

    public static string Block(string name, string content) => $"<!-- generated: {name} -->\n{content}<!-- end generated: {name} -->";

    public static TheoryData<string> Blocks => new(["capabilities", "functions"]);

    private static string Generate(string name) => name == "capabilities"
        ? DialectMatrix.Capabilities(Dialects.All)
        : DialectMatrix.Functions(Dialects.All);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void The_matrix_in_the_spec_is_the_generated_one(string name)
    {
        var expected = Block(name, Generate(name));
        var spec = Spec;
        int start = spec.IndexOf($"<!-- generated: {name} -->", StringComparison.Ordinal);
        int end = spec.IndexOf($"<!-- end generated: {name} -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"spec/dialects.md has no generated block '{name}'");
        var actual = spec[start..(end + $"<!-- end generated: {name} -->".Length)];
        if (actual != expected && TestSettings.AcceptSnapshots)
        {
            File.WriteAllText(RepoPaths.Combine("spec", "dialects.md"), spec.Replace(actual, expected));
            return;
        }
        Assert.True(actual == expected, $"spec/dialects.md's '{name}' table is out of date (CWF_ACCEPT_SNAPSHOTS=1 rewrites it):\n{expected}");
    }

    [Fact]
    public void Every_emit_diagnostic_is_documented()
    {
        var spec = Spec;
        foreach (var descriptor in DiagnosticCodes.All.Where(d => d.Category == DiagnosticCategory.Emit))
            Assert.True(spec.Contains($"`{descriptor.Code}`", StringComparison.Ordinal), $"{descriptor.Code} ({descriptor.Title}) is not in spec/dialects.md");
    }
}
