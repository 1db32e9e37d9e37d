using Cwf.Canvas;
using Cwf.Diagnostics;

namespace Cwf.Tests.Canvas;

internal static class CanvasAssert
{
    /// <summary>The one diagnostic with that code; checks the canvas location parts that are given.</summary>
    public static Diagnostic Single(CanvasImportResult result, DiagnosticDescriptor code, string? nodeId = null, string? label = null,
        string? input = null, string? pointer = null, int? line = null)
    {
        var matching = result.Diagnostics.Where(d => d.Descriptor == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code.Code}, found {matching.Count}:\n{CanvasTestKit.Describe(result.Diagnostics)}");
        var d = matching[0];
        Assert.Equal(code.DefaultSeverity, d.Severity);
        var location = Assert.IsType<CanvasLocation>(d.Location);
        Assert.True(location.Position is not null && location.JsonPointer is not null, $"{d} has no line or JSON pointer");
        if (nodeId is not null)
        {
            Assert.Equal(nodeId, location.NodeId);
            Assert.Contains($"'{label}' ({nodeId})", d.ToString());
        }
        if (label is not null) Assert.Equal(label, location.NodeLabel);
        if (input is not null) Assert.Equal(input, location.Input);
        if (pointer is not null) Assert.Equal(pointer, location.JsonPointer);
        if (line is not null) Assert.Equal(line, location.Position?.Line);
        return d;
    }

    /// <summary>The 1-based line on which the JSON object that contains <paramref name="text"/> starts (pretty-printed JSON: one line up per key before it).</summary>
    public static int ObjectLine(string json, string text, int keysBefore) => TestCanvas.LineOf(json, text) - keysBefore - 1;

    public static void NoErrors(CanvasImportResult result) =>
        Assert.False(result.HasErrors, CanvasTestKit.Describe(result.Diagnostics));

    public static void Lacks(CanvasImportResult result, DiagnosticDescriptor code) =>
        Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor == code);
}
