using Cwf.Ir;

namespace Cwf.Interpretation;

/// <summary>
/// What one data check measured in a run: the failing rows (the row count for <c>rows between</c>)
/// and whether that lies in the accepted range.
/// </summary>
public sealed record CheckOutcome(string Check, long Measure, long Low, long High)
{
    public bool Passed => Measure >= Low && Measure <= High;

    /// <summary>The message a failing check gives on every engine: <c>check orders.unique(id) failed: 3 rows</c>.</summary>
    public static string FailureMessage(CheckNode check, string measure) => $"check {check.Check} failed: {measure} rows";
}
