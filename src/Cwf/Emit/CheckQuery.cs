namespace Cwf.Emit;

/// <summary>
/// A data check as a dialect writes its statement: the query of its measure (one row, one int64
/// column named <see cref="Measure"/>, already quoted), the accepted range, the check's name for
/// the message, and its position among the checks (for names the statement must make unique).
/// </summary>
public sealed record CheckQuery(string Check, SqlBlock Query, string Measure, long Low, long High, int Ordinal)
{
    /// <summary>The fixed start of the failure message; the measure and <c> rows</c> follow.</summary>
    public string MessagePrefix => $"check {Check} failed: ";

    /// <summary>What the check accepts, for hints and constant messages.</summary>
    public string Accepts => Low == High ? $"the check accepts {Low}" : $"the check accepts {Low} to {High}";
}
