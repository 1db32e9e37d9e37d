using Cwf.Diagnostics;

namespace Cwf.Tests.Canvas;

/// <summary>Whole-number inputs (limit, H3 resolution) outside int64 or with a fraction are diagnostics with a usable hint (issue 12: decimal.MaxValue overflowed while the hint was computed).</summary>
public class CanvasWholeNumberTests
{
    private static Diagnostic LimitProblem(object value)
    {
        var canvas = new TestCanvas();
        var source = canvas.Source("src.t", "t", "id:int64");
        var limit = canvas.Node("native.limit", "Top", ("limit", value));
        canvas.Flow(source, limit).Flow(limit, canvas.Node("native.saveastable", "Save", ("destination", "out.t")));
        var result = CanvasTestKit.Import(canvas.ToJson());
        Assert.Null(result.Workflow);
        return Assert.Single(result.Diagnostics, d => d.IsError);
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("1e28")]
    public void A_whole_number_beyond_int64_names_the_range(string value)
    {
        var d = LimitProblem(value);
        Assert.Equal(DiagnosticCodes.NotAnInteger, d.Descriptor);
        Assert.Equal($"input 'limit' must be a 64-bit whole number, found {value}", d.Message);
        Assert.Equal("use a whole number from -9223372036854775808 to 9223372036854775807", Assert.Single(d.Hints));
    }

    [Fact]
    public void A_json_number_at_the_decimal_limit_is_a_diagnostic_too()
    {
        var d = LimitProblem(decimal.MaxValue);
        Assert.Equal(DiagnosticCodes.NotAnInteger, d.Descriptor);
        Assert.Contains("64-bit whole number", d.Message);
    }

    [Theory]
    [InlineData("2.5", "use 2 or 3")]
    [InlineData("-2.5", "use -3 or -2")]
    [InlineData("79228162514264337593543950334.5", null)]
    public void A_fraction_suggests_the_whole_numbers_around_it(string value, string? hint)
    {
        var d = LimitProblem(value);
        Assert.Equal(DiagnosticCodes.NotAnInteger, d.Descriptor);
        if (hint is not null) Assert.Equal(hint, Assert.Single(d.Hints));
    }
}
