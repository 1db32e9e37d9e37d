using System.Text;
using NetTopologySuite.Algorithm.Distance;
using NetTopologySuite.Geometries;
using Xunit.Sdk;

namespace Cwf.Tests.Infrastructure;

/// <summary>
/// How two <see cref="RowSet"/>s are compared: as multisets of rows unless
/// <see cref="OrderSensitive"/>, floating point within a relative tolerance, geometries within a
/// coordinate tolerance (Hausdorff distance) or, for polygons, a relative area tolerance.
/// Exact numbers compare exactly with each other (3 = 3.0); an exact number and a float compare
/// with the float tolerance. Column names must be equal and in the same order.
/// </summary>
public sealed record RowSetComparison
{
    public static RowSetComparison Default { get; } = new();

    /// <summary>
    /// The rounding rule (spec/equivalence.md, "Floating-point results"): results that may differ
    /// only by floating-point rounding, as when a valid rewrite or another engine adds the same
    /// floats in another order. Floats a and b are equal when |a - b| ≤ 1e-9 · max(1, |a|, |b|)
    /// (NaN equals NaN, an infinity only itself); geometries within 1e-9 coordinate units.
    /// </summary>
    public static RowSetComparison Rounding { get; } = new() { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-9, GeometryTolerance = 1e-9 };

    /// <summary>Compare row i with row i (for results whose order is part of the contract).</summary>
    public bool OrderSensitive { get; init; }

    /// <summary>Floats a and b are equal when |a - b| ≤ max(AbsoluteTolerance, RelativeTolerance · max(|a|, |b|)).</summary>
    public double RelativeTolerance { get; init; } = 1e-9;

    public double AbsoluteTolerance { get; init; } = 1e-12;

    /// <summary>Two geometries of the same dimension are equal when their Hausdorff distance is at most this (coordinate units: degrees for lon/lat).</summary>
    public double GeometryTolerance { get; init; } = 1e-9;

    /// <summary>
    /// Polygons are also equal when the area of their symmetric difference is at most this
    /// fraction of the larger area (e.g. 0.005 for buffers, whose curves engines approximate
    /// with different segment counts). 0 turns it off.
    /// </summary>
    public double GeometryRelativeAreaTolerance { get; init; }

    public bool IgnoreColumnNameCase { get; init; }

    /// <summary>How many differing rows a failure message lists.</summary>
    public int MaxReportedRows { get; init; } = 20;

    /// <summary>Throws an xunit failure that lists the differences, unless the row sets are equal.</summary>
    public void AssertEqual(RowSet expected, RowSet actual)
    {
        var differences = Differences(expected, actual);
        if (differences is not null) throw new XunitException(differences);
    }

    /// <summary>A description of how the row sets differ, or null when they are equal.</summary>
    public string? Differences(RowSet expected, RowSet actual)
    {
        var nameComparer = IgnoreColumnNameCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        if (!expected.Columns.SequenceEqual(actual.Columns, nameComparer))
        {
            return $"Columns differ.\n  expected: ({string.Join(", ", expected.Columns)})\n  actual:   ({string.Join(", ", actual.Columns)})";
        }
        return OrderSensitive ? OrderedDifferences(expected, actual) : UnorderedDifferences(expected, actual);
    }

    public bool RowsEqual(IReadOnlyList<object?> a, IReadOnlyList<object?> b)
    {
        for (int i = 0; i < a.Count; i++)
        {
            if (!ValuesEqual(a[i], b[i])) return false;
        }
        return true;
    }

    /// <summary>Equality of two normalized values under this comparison's tolerances.</summary>
    public bool ValuesEqual(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (decimal x, decimal y) => x == y,
        (double or decimal, double or decimal) => FloatsEqual(Convert.ToDouble(a), Convert.ToDouble(b)),
        (GeometryValue x, GeometryValue y) => GeometriesEqual(x.Geometry, y.Geometry),
        _ => a.Equals(b),
    };

    private bool FloatsEqual(double a, double b)
    {
        if (a.Equals(b)) return true; // also NaN = NaN and equal infinities
        if (double.IsNaN(a) || double.IsNaN(b) || double.IsInfinity(a) || double.IsInfinity(b)) return false;
        double scale = Math.Max(Math.Abs(a), Math.Abs(b));
        return Math.Abs(a - b) <= Math.Max(AbsoluteTolerance, RelativeTolerance * scale);
    }

    private bool GeometriesEqual(Geometry a, Geometry b)
    {
        if (a.IsEmpty || b.IsEmpty) return a.IsEmpty && b.IsEmpty;
        if (a.Dimension != b.Dimension) return false;
        if (a.EqualsExact(b, GeometryTolerance)) return true;
        if (DiscreteHausdorffDistance.Distance(a, b) <= GeometryTolerance) return true;
        if (GeometryRelativeAreaTolerance > 0 && a.Dimension == Dimension.Surface)
        {
            double larger = Math.Max(a.Area, b.Area);
            return a.SymmetricDifference(b).Area <= GeometryRelativeAreaTolerance * larger;
        }
        return false;
    }

    private string? OrderedDifferences(RowSet expected, RowSet actual)
    {
        var report = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (RowsEqual(expected.Rows[i], actual.Rows[i])) continue;
            if (shown++ < MaxReportedRows)
            {
                report.Append($"  row {i}:\n    expected: {FormatRow(expected.Rows[i])}\n    actual:   {FormatRow(actual.Rows[i])}\n");
            }
        }
        if (shown == 0 && expected.Count == actual.Count) return null;
        var header = $"Rows differ (in order): expected {expected.Count} rows, got {actual.Count}; {shown} of the common positions differ.\n";
        if (expected.Count > actual.Count) report.Append("  missing at the end:\n").Append(RowSet.FormatRows(expected.Columns, expected.Rows.Skip(actual.Count).ToList(), MaxReportedRows));
        if (actual.Count > expected.Count) report.Append("  unexpected at the end:\n").Append(RowSet.FormatRows(actual.Columns, actual.Rows.Skip(expected.Count).ToList(), MaxReportedRows));
        return header + "  columns: (" + string.Join(", ", expected.Columns) + ")\n" + report;
    }

    /// <summary>
    /// Multiset comparison. Rows are bucketed by their exactly compared cells (strings, booleans,
    /// dates, and which cells are NULL), each bucket sorted by its tolerant cells, then matched
    /// greedily: in sorted order the match is almost always the first unmatched candidate.
    /// </summary>
    private string? UnorderedDifferences(RowSet expected, RowSet actual)
    {
        var missing = new List<IReadOnlyList<object?>>();
        var unmatched = new Dictionary<string, LinkedList<IReadOnlyList<object?>>>(StringComparer.Ordinal);
        foreach (var group in actual.Rows.GroupBy(ExactKey, StringComparer.Ordinal))
            unmatched[group.Key] = new LinkedList<IReadOnlyList<object?>>(group.Order(TolerantOrder.Instance));

        foreach (var group in expected.Rows.GroupBy(ExactKey, StringComparer.Ordinal))
        {
            if (!unmatched.TryGetValue(group.Key, out var candidates))
            {
                missing.AddRange(group);
                continue;
            }
            foreach (var row in group.Order(TolerantOrder.Instance))
            {
                var node = candidates.First;
                while (node is not null && !RowsEqual(row, node.Value)) node = node.Next;
                if (node is null) missing.Add(row);
                else candidates.Remove(node);
            }
        }

        var unexpected = unmatched.Values.SelectMany(rows => rows).ToList();
        if (missing.Count == 0 && unexpected.Count == 0) return null;
        return $"Rows differ (as multisets): expected {expected.Count} rows, got {actual.Count}; " +
               $"{missing.Count} expected rows were not found, {unexpected.Count} actual rows were not expected.\n" +
               "  columns: (" + string.Join(", ", expected.Columns) + ")\n" +
               (missing.Count > 0 ? "  missing:\n" + RowSet.FormatRows(expected.Columns, missing, MaxReportedRows) : "") +
               (unexpected.Count > 0 ? "  unexpected:\n" + RowSet.FormatRows(actual.Columns, unexpected, MaxReportedRows) : "");
    }

    private static string ExactKey(IReadOnlyList<object?> row) =>
        string.Join('\u001f', row.Select(value => value switch
        {
            null => "∅",
            double or decimal => "#",
            GeometryValue => "G",
            _ => value.GetType().Name + ":" + SqlValues.Format(value),
        }));

    private static string FormatRow(IReadOnlyList<object?> row) => "(" + string.Join(", ", row.Select(SqlValues.Format)) + ")";

    /// <summary>Orders rows by their numbers and geometries, so that near-equal rows line up.</summary>
    private sealed class TolerantOrder : IComparer<IReadOnlyList<object?>>
    {
        public static readonly TolerantOrder Instance = new();

        public int Compare(IReadOnlyList<object?>? x, IReadOnlyList<object?>? y)
        {
            for (int i = 0; i < x!.Count; i++)
            {
                int order = (x[i], y![i]) switch
                {
                    (double or decimal, double or decimal) => Convert.ToDouble(x[i]).CompareTo(Convert.ToDouble(y[i])),
                    (GeometryValue a, GeometryValue b) => CompareGeometries(a.Geometry, b.Geometry),
                    _ => 0,
                };
                if (order != 0) return order;
            }
            return 0;
        }

        private static int CompareGeometries(Geometry a, Geometry b)
        {
            var (ca, cb) = (a.EnvelopeInternal.Centre, b.EnvelopeInternal.Centre);
            if (ca is null || cb is null) return (ca is null).CompareTo(cb is null);
            int order = ca.X.CompareTo(cb.X);
            return order != 0 ? order : ca.Y.CompareTo(cb.Y);
        }
    }
}

/// <summary>Assertions on row sets (a shorthand for <see cref="RowSetComparison.AssertEqual"/>).</summary>
public static class RowSetAssert
{
    public static void Equal(RowSet expected, RowSet actual, RowSetComparison? comparison = null) =>
        (comparison ?? RowSetComparison.Default).AssertEqual(expected, actual);
}
