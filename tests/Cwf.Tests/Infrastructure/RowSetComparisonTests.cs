using Xunit.Sdk;

namespace Cwf.Tests.Infrastructure;

public sealed class RowSetComparisonTests
{
    [Fact]
    public void Rows_compare_as_multisets_by_default()
    {
        var expected = RowSet.Of(["a", "b"], [1, "x"], [2, "y"], [2, "y"]);
        var actual = RowSet.Of(["a", "b"], [2, "y"], [1, "x"], [2, "y"]);

        RowSetAssert.Equal(expected, actual);
        Assert.Throws<XunitException>(() => RowSetAssert.Equal(expected, actual, new RowSetComparison { OrderSensitive = true }));
    }

    [Fact]
    public void Duplicates_count()
    {
        var failure = Assert.Throws<XunitException>(() =>
            RowSetAssert.Equal(RowSet.Of(["a"], [1], [1]), RowSet.Of(["a"], [1], [1], [1])));

        Assert.Contains("1 actual rows were not expected", failure.Message);
    }

    [Fact]
    public void Floats_compare_with_a_relative_tolerance_and_exact_numbers_exactly()
    {
        var comparison = RowSetComparison.Default;

        Assert.True(comparison.ValuesEqual(1e6, 1e6 * (1 + 1e-12)));
        Assert.False(comparison.ValuesEqual(1e6, 1e6 * (1 + 1e-6)));
        Assert.True(comparison.ValuesEqual(3m, 3.0m));
        Assert.True(comparison.ValuesEqual(SqlValues.Normalize(3L), 3.0));
        Assert.False(comparison.ValuesEqual(0.1m, 0.1000001m));
        Assert.True(comparison.ValuesEqual(double.NaN, double.NaN));
        Assert.False(comparison.ValuesEqual(null, 0));
        Assert.True(comparison.ValuesEqual(null, null));
    }

    [Fact]
    public void Near_equal_floats_match_even_when_their_order_differs()
    {
        var expected = RowSet.Of(["k", "v"], ["a", 1.0], ["a", 1.0 + 1e-13], ["a", 2.0]);
        var actual = RowSet.Of(["k", "v"], ["a", 2.0], ["a", 1.0 + 2e-13], ["a", 1.0]);

        RowSetAssert.Equal(expected, actual);
    }

    [Fact]
    public void Geometries_compare_normalized_and_within_tolerance()
    {
        var comparison = RowSetComparison.Default;
        var square = RowSet.Geo("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");

        Assert.True(comparison.ValuesEqual(square, RowSet.Geo("POLYGON ((1 1, 0 1, 0 0, 1 0, 1 1))")));
        Assert.True(comparison.ValuesEqual(RowSet.Geo("POINT (1 2)"), RowSet.Geo("SRID=4326;POINT (1.0000000001 2)")));
        Assert.False(comparison.ValuesEqual(RowSet.Geo("POINT (1 2)"), RowSet.Geo("POINT (1.001 2)")));
        Assert.False(comparison.ValuesEqual(square, RowSet.Geo("POINT (0 0)")));
        Assert.True(comparison.ValuesEqual(RowSet.Geo("POINT EMPTY"), RowSet.Geo("POINT EMPTY")));
    }

    [Fact]
    public void Polygons_may_differ_by_a_relative_area()
    {
        var square = RowSet.Geo("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
        var slightlyLarger = RowSet.Geo("POLYGON ((0 0, 10.02 0, 10.02 10, 0 10, 0 0))");

        Assert.False(RowSetComparison.Default.ValuesEqual(square, slightlyLarger));
        Assert.True(new RowSetComparison { GeometryRelativeAreaTolerance = 0.005 }.ValuesEqual(square, slightlyLarger));
        Assert.False(new RowSetComparison { GeometryRelativeAreaTolerance = 0.001 }.ValuesEqual(square, slightlyLarger));
    }

    [Fact]
    public void Failures_list_the_missing_and_unexpected_rows()
    {
        var failure = Assert.Throws<XunitException>(() => RowSetAssert.Equal(
            RowSet.Of(["id", "name"], [1, "a"], [2, null]),
            RowSet.Of(["id", "name"], [1, "a"], [2, "b"])));

        Assert.Contains("missing:", failure.Message);
        Assert.Contains("| 2 | NULL", failure.Message);
        Assert.Contains("unexpected:", failure.Message);
        Assert.Contains("| 2 | 'b'", failure.Message);
    }

    [Fact]
    public void Column_names_must_match()
    {
        var failure = Assert.Throws<XunitException>(() => RowSetAssert.Equal(RowSet.Of(["a"], [1]), RowSet.Of(["A"], [1])));
        Assert.Contains("Columns differ", failure.Message);

        RowSetAssert.Equal(RowSet.Of(["a"], [1]), RowSet.Of(["A"], [1]), new RowSetComparison { IgnoreColumnNameCase = true });
    }
}
