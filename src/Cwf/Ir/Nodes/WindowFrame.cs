namespace Cwf.Ir;

public enum FrameBoundKind
{
    UnboundedPreceding,
    Preceding,
    CurrentRow,
    Following,
    UnboundedFollowing,
}

/// <summary>One end of a row frame; <paramref name="Offset"/> counts rows for Preceding and Following.</summary>
public sealed record FrameBound(FrameBoundKind Kind, long Offset = 0)
{
    /// <summary>The bound as a signed row offset from the current row (unbounded: the extremes), for ordering two bounds.</summary>
    public long Position => Kind switch
    {
        FrameBoundKind.UnboundedPreceding => long.MinValue,
        FrameBoundKind.Preceding => -Offset,
        FrameBoundKind.CurrentRow => 0,
        FrameBoundKind.Following => Offset,
        _ => long.MaxValue,
    };

    public override string ToString() => Kind switch
    {
        FrameBoundKind.UnboundedPreceding => "unbounded preceding",
        FrameBoundKind.Preceding => $"{Offset} preceding",
        FrameBoundKind.CurrentRow => "current row",
        FrameBoundKind.Following => $"{Offset} following",
        _ => "unbounded following",
    };
}

/// <summary>
/// <c>rows between Start and End</c>: the rows of the partition, in the window's order, from Start
/// to End relative to the current row (possibly none). Only row frames exist in cwf.
/// </summary>
public sealed record WindowFrame(FrameBound Start, FrameBound End)
{
    /// <summary>
    /// Whether every warehouse accepts the frame and it is not empty by construction: it starts no
    /// later than it ends, and (as SQL requires) a frame from the current row has no preceding end,
    /// one from a following row no preceding or current end, whatever the offsets.
    /// </summary>
    public bool IsValid => Start.Position <= End.Position
        && Start.Kind != FrameBoundKind.UnboundedFollowing && End.Kind != FrameBoundKind.UnboundedPreceding
        && !(Start.Kind == FrameBoundKind.CurrentRow && End.Kind == FrameBoundKind.Preceding)
        && !(Start.Kind == FrameBoundKind.Following && End.Kind is FrameBoundKind.Preceding or FrameBoundKind.CurrentRow);

    public override string ToString() => $"rows between {Start} and {End}";
}
