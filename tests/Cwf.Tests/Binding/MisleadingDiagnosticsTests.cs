using Cwf.Diagnostics;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Binding;

/// <summary>Diagnostics that used to send the user the wrong way (issue 12, "Diagnostics that mislead").</summary>
public class MisleadingDiagnosticsTests
{
    [Fact]
    public void A_syntax_error_does_not_make_the_names_it_uses_look_unused()
    {
        var result = Compile("""
            param radius: float64 = 500
            source t = table "x.t" { a: int64, g: geography }
            let spare = t | take 1
            let zones = t | buffer g by @radius m
            output zones | filter a > -> table "o.t"
            """);
        // The output that reads 'zones' (and through it @radius) failed to parse; 'spare' is unused for certain.
        Assert.Equal(["3:5 CWF2016", "5:27 CWF1001"], result.Diagnostics.Select(d => $"{Position(d)} {d.Code}"));
        Assert.Equal("'spare' is never used", result.Diagnostics[0].Message);
    }

    [Fact]
    public void A_name_declared_after_the_failed_statement_is_still_reported_unused()
    {
        var result = Compile("""
            source t = table "x.t" { a: int64 }
            output t | filter a > -> table "o.t"
            let later = t | take 1
            output t -> table "o.u"
            """);
        Assert.Equal(["CWF1001", "CWF2016"], result.Diagnostics.Select(d => d.Code));
        Assert.Equal("'later' is never used", result.Diagnostics[1].Message);
    }

    [Fact]
    public void A_column_named_like_a_parameter_is_not_ambiguous_where_the_program_writes_the_parameter_with_an_at()
    {
        var result = Compile("""
            param staff: int64 = 10
            source t = table "x.t" { staff: int64 }
            let a, b = t | split staff > @staff
            output a | take @staff -> table "o.a"
            output b | filter staff < 100 -> table "o.b"
            """);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.ParameterShadowed);
    }

    [Fact]
    public void A_bare_name_that_is_both_is_still_ambiguous_when_the_program_never_writes_the_parameter()
    {
        var result = Compile("""
            param staff: int64 = 10
            source t = table "x.t" { staff: int64 }
            output t | filter staff > 1 -> table "o.t"
            """);
        var d = Assert.Single(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.ParameterShadowed);
        Assert.Equal("3:19", Position(d));
    }

    [Theory]
    [InlineData("staff = 'three'", "'three' is not a number: compare with a number, or compare text with text: cast(staff as string) = 'three'")]
    [InlineData("staff = '5'", "remove the quotes: 5")]
    [InlineData("staff > ' 2.5e3 '", "remove the quotes: 2.5e3")]
    [InlineData("opened = 'yesterday'", "'yesterday' is not a date: write one as date 'YYYY-MM-DD'")]
    [InlineData("opened = '2024-01-31'", "write a date literal: date '2024-01-31'")]
    [InlineData("seen < 'noon'", "'noon' is not a timestamp: write one as timestamp 'YYYY-MM-DD HH:MM:SS'")]
    [InlineData("seen < '2024-01-31 12:00:00'", "write a timestamp literal: timestamp '2024-01-31 12:00:00'")]
    public void Remove_the_quotes_is_hinted_only_for_a_literal_of_the_other_type(string condition, string hint)
    {
        var d = Assert.Single(Errors($$"""
            source t = table "x.t" { staff: int64, opened: date, seen: timestamp }
            output t | filter {{condition}} -> table "o.t"
            """));
        Assert.Equal(DiagnosticCodes.OperatorTypeMismatch, d.Descriptor);
        Assert.Equal(hint, Assert.Single(d.Hints));
    }

    [Fact]
    public void An_ambiguous_column_names_the_relation_in_scope_not_the_source_an_earlier_join_combined()
    {
        var d = Assert.Single(Errors("""
            source trips = table "x.trips" { id: int64, geom: geography }
            source zones = table "x.zones" { id: int64, geom: geography }
            source cities = table "x.cities" { cid: int64, geom: geography }
            let tz = trips | join zones on trips.id = zones.id
            output tz | spatial_join cities on intersects(geom, cities.geom) -> table "o.t"
            """));
        Assert.Equal(DiagnosticCodes.AmbiguousColumn, d.Descriptor);
        Assert.Equal("column 'geom' is ambiguous: it could be 'tz.geom' or 'cities.geom'", d.Message);
    }
}
