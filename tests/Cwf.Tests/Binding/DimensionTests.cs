using Cwf.Binding;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;
using Cwf.Text;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Binding;

/// <summary>What quantities measure (length, area, plain number) is checked wherever they are used (spec/language.md, Dimensions).</summary>
public class DimensionTests
{
    private static readonly Schema Parcels = new([
        new Column("id", SqlType.Int64), new Column("geom", SqlType.Geography), new Column("other", SqlType.Geography),
        new Column("size", SqlType.Float64), new Column("zone", SqlType.String)]);

    // As if declared `param reach = 2 km` and `param plot = 1 ha`.
    private static readonly ScopeParameters Parameters = ScopeParameters.Empty
        .With(new ScopeParameter("reach", SqlType.Float64, Dimension.Length))
        .With(new ScopeParameter("plot", SqlType.Float64, Dimension.Area));

    private static BoundExpression Bind(string text)
    {
        var source = SourceText.From(text);
        var parsed = CwfParser.ParseExpression(source);
        Assert.True(parsed.Diagnostics.IsEmpty, string.Join("\n", parsed.Diagnostics));
        return ExpressionBinder.Bind(parsed.Syntax!, ExpressionScope.Single(Parcels, "parcels", Parameters), source);
    }

    [Theory]
    [InlineData("st_dwithin(geom, other, 2 km2)", "the distance of st_dwithin must be a length (meters), but this is an area (square meters)")]
    [InlineData("st_buffer(geom, st_area(other))", "the distance of st_buffer must be a length (meters), but this is an area (square meters)")]
    [InlineData("st_area(geom) > 2 km", "cannot compare an area (square meters) with a length (meters) ('>')")]
    [InlineData("2 km < st_area(geom)", "cannot compare a length (meters) with an area (square meters) ('<')")]
    [InlineData("st_area(geom) + st_length(geom) > 0", "cannot add a length (meters) to an area (square meters) ('+')")]
    [InlineData("st_area(geom) - 1 km", "cannot subtract a length (meters) from an area (square meters) ('-')")]
    [InlineData("st_distance(geom, other) = st_area(other)", "cannot compare a length (meters) with an area (square meters) ('=')")]
    [InlineData("st_area(geom) between 1 km and 2 km", "the values of 'between' measure different things: an area (square meters) and a length (meters)")]
    [InlineData("st_length(geom) in (1 km, 1 ha)", "the values of 'in' measure different things: a length (meters) and an area (square meters)")]
    [InlineData("case when size > 1 then 1 km else 1 km2 end", "the results measure different things: a length (meters) and an area (square meters)")]
    [InlineData("coalesce(st_area(geom), 5 km)", "the arguments of coalesce measure different things: an area (square meters) and a length (meters)")]
    [InlineData("st_point(1 km, 2)", "the longitude of st_point (degrees) must be a plain number, but this is a length (meters)")]
    [InlineData("power(size, 2 m)", "the exponent of power must be a plain number, but this is a length (meters)")]
    [InlineData("@reach km", "'@reach' is a length (meters) already, so it takes no unit; remove 'km'")]
    [InlineData("st_area(geom) > @reach", "cannot compare an area (square meters) with a length (meters) ('>')")]
    [InlineData("st_buffer(geom, @plot)", "the distance of st_buffer must be a length (meters), but this is an area (square meters)")]
    [InlineData("st_length(geom) * st_length(other) > 1 km", "cannot compare an area (square meters) with a length (meters) ('>')")]
    [InlineData("abs(st_area(geom)) < 10 m", "cannot compare an area (square meters) with a length (meters) ('<')")]
    [InlineData("-st_area(geom) < 10 m", "cannot compare an area (square meters) with a length (meters) ('<')")]
    [InlineData("cast(st_area(geom) as int64) < 10 m", "cannot compare an area (square meters) with a length (meters) ('<')")]
    [InlineData("length(geom) > 1 ha", "cannot compare a length (meters) with an area (square meters) ('>')")]
    public void Quantities_of_two_kinds_are_an_error_where_they_meet(string text, string message)
    {
        var bound = Bind(text);
        Assert.Null(bound.Expr);
        var d = Assert.Single(bound.Diagnostics);
        Assert.Equal(DiagnosticCodes.WrongUnit, d.Descriptor);
        Assert.Equal(message, d.Message);
    }

    [Theory]
    [InlineData("st_dwithin(geom, other, 2 km)", "st_dwithin(geom, other, 2000.0)")]
    [InlineData("st_dwithin(geom, other, 500)", "st_dwithin(geom, other, 500)")]
    [InlineData("st_dwithin(geom, other, st_length(other) / 2)", "st_dwithin(geom, other, (st_length(other) / 2))")]
    [InlineData("st_area(geom) > 2 km2", "(st_area(geom) > 2000000.0)")]
    [InlineData("st_area(geom) > 1000000", "(st_area(geom) > 1000000)")]
    [InlineData("st_area(geom) > size", "(st_area(geom) > size)")]
    [InlineData("st_area(geom) / 1 km2 > 3", "((st_area(geom) / 1000000.0) > 3)")]
    [InlineData("st_distance(geom, other) + 100 < 1 mi", "((st_distance(geom, other) + 100) < 1609.344)")]
    [InlineData("st_length(geom) * st_length(other) > 1 ha", "((st_length(geom) * st_length(other)) > 10000.0)")]
    [InlineData("sqrt(st_area(geom)) < 1 km", "(sqrt(st_area(geom)) < 1000.0)")]
    [InlineData("st_area(geom) between 1 ha and 2 km2", "(st_area(geom) between 10000.0 and 2000000.0)")]
    [InlineData("st_point(size, 2)", "st_point(size, 2)")]
    [InlineData("st_buffer(geom, 2 km)", "st_buffer(geom, 2000.0)")]
    [InlineData("st_dwithin(geom, other, @reach) and st_area(geom) < @plot", "(st_dwithin(geom, other, @reach) and (st_area(geom) < @plot))")]
    public void Quantities_of_one_kind_and_plain_numbers_go_together(string text, string expected)
    {
        var bound = Bind(text);
        Assert.True(bound.Diagnostics.IsEmpty, string.Join("\n", bound.Diagnostics));
        Assert.Equal(expected, bound.Expr!.ToString());
    }

    private const string Source = "source parcels = table \"x.parcels\" { id: int64, geom: geography, other: geography, size: float64 }\n";

    [Fact]
    public void A_parameter_declared_with_a_unit_is_a_length_where_it_is_used()
    {
        var workflow = Ok(Source + """
            param radius = 2 km
            output parcels | filter st_dwithin(geom, other, radius) | buffer geom by @radius -> table "o.t"
            """);
        Assert.Equal(2000.0, workflow.Parameters.Single().Value);
        Assert.Contains(workflow.Nodes.OfType<ProjectNode>(), p => p.Columns.Any(c => c.Expr.ToString() == "st_buffer(geom, @radius)"));

        var errors = Errors(Source + """
            param radius = 2 km
            output parcels | filter st_area(geom) > radius | buffer geom by @radius km -> table "o.t"
            """);
        Assert.Equal(["cannot compare an area (square meters) with a length (meters) ('>')",
            "'@radius' is a length (meters) already, so it takes no unit; remove 'km'"], errors.Select(e => e.Message));
        Assert.All(errors, e => Assert.Equal(DiagnosticCodes.WrongUnit, e.Descriptor));
    }

    [Fact]
    public void The_front_end_exports_what_each_parameter_measures()
    {
        var result = Compile(Source + """
            param radius = 2 km
            param limit_area: float64 = 3 ha
            param plain: float64 = 3
            output parcels | filter st_dwithin(geom, other, radius) and st_area(geom) < limit_area and size > plain -> table "o.t"
            """);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(Dimension.Length, result.ParameterDimensions["RADIUS"]);
        Assert.Equal(Dimension.Area, result.ParameterDimensions["limit_area"]);
        Assert.False(result.ParameterDimensions.ContainsKey("plain"));
    }

    [Theory]
    [InlineData("buffer geom by (2 km2)", "a distance needs a length unit (m, km, mi, ft), not km2")]
    [InlineData("buffer geom by st_area(other)", "a buffer distance must be a length, but this is an area (square meters)")]
    [InlineData("buffer geom by st_distance(geom, other) km", "a buffer distance is a length already; remove 'km'")]
    [InlineData("buffer geom by (2 km) m", "the distance already has a unit (km); remove 'm'")]
    public void A_buffer_distance_must_be_a_length(string step, string message)
    {
        var d = Assert.Single(Errors(Source + $"output parcels | {step} -> table \"o.t\""));
        Assert.Equal(DiagnosticCodes.WrongUnit, d.Descriptor);
        Assert.Equal(message, d.Message);
    }

    [Theory]
    [InlineData("buffer geom by st_distance(geom, other)", "st_buffer(geom, st_distance(geom, other))")]
    [InlineData("buffer geom by size km", "st_buffer(geom, (size * 1000.0))")]
    [InlineData("buffer geom by 300", "st_buffer(geom, 300.0)")]
    public void A_buffer_distance_may_be_a_length_or_a_plain_number_in_the_step_unit(string step, string expected)
    {
        var workflow = Ok(Source + $"output parcels | {step} -> table \"o.t\"");
        Assert.Equal(expected, workflow.Nodes.OfType<ProjectNode>().Single().Columns[^1].Expr.ToString());
    }

    [Fact]
    public void Join_conditions_are_checked_too()
    {
        var d = Assert.Single(Errors(Source + """
            source stations = table "x.stations" { geom: geography }
            output parcels | spatial_join stations on st_dwithin(parcels.geom, stations.geom, 1 km2) -> table "o.t"
            """));
        Assert.Equal(DiagnosticCodes.WrongUnit, d.Descriptor);
        Assert.Equal("3:83", Position(d));
    }
}
