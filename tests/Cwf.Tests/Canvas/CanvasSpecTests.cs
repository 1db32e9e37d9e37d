using System.Text.RegularExpressions;
using Cwf.Diagnostics;

namespace Cwf.Tests.Canvas;

public class CanvasSpecTests
{
    [Fact]
    public void Every_canvas_diagnostic_is_documented_in_spec_canvas_md()
    {
        var spec = File.ReadAllText(Path.Combine(CanvasTestKit.RepoRoot, "spec", "canvas.md"));
        var documented = Regex.Matches(spec, @"^\| (CWF3\d{3}) \| (\w+) \|", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var declared = DiagnosticCodes.All.Where(d => d.Category == DiagnosticCategory.Canvas).ToList();
        Assert.NotEmpty(declared);
        foreach (var d in declared)
        {
            Assert.True(documented.TryGetValue(d.Code, out var severity), $"{d.Code} is not in spec/canvas.md");
            Assert.Equal(d.DefaultSeverity.ToString().ToLowerInvariant(), severity);
        }
        Assert.Equal(declared.Count, documented.Count);
    }
}
