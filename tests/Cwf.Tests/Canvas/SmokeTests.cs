namespace Cwf.Tests.Canvas;

public class SmokeTests
{
    [Theory]
    [MemberData(nameof(CanvasExampleTests.Examples), MemberType = typeof(CanvasExampleTests))]
    public void Print(string example)
    {
        var result = CanvasTestKit.ImportExample(example);
        var text = CanvasTestKit.Describe(result.Diagnostics) + "\n" + result.Workflow?.ToString();
        File.WriteAllText($"/tmp/smoke_{example}.txt", text);
    }
}
