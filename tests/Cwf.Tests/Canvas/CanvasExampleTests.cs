using Cwf.Canvas;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Tests.Canvas;

public class CanvasExampleTests
{
    public static TheoryData<string> Examples() => [.. CanvasTestKit.ExampleNames()];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_imports_without_errors(string example)
    {
        var result = CanvasTestKit.ImportExample(example);
        Assert.False(result.HasErrors, CanvasTestKit.Describe(result.Diagnostics));
        Assert.NotNull(result.Workflow);
        Assert.Empty(IrValidator.Validate(result.Workflow!));
    }
}
