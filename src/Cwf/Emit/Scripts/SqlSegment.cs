namespace Cwf.Emit.Scripts;

public enum SqlSegmentKind
{
    Code,
    /// <summary>A string literal, dollar-quoted body included.</summary>
    String,
    /// <summary>A quoted identifier: "name" or `name`.</summary>
    QuotedIdentifier,
    Comment,
}

/// <summary>A stretch of SQL text of one kind.</summary>
public readonly record struct SqlSegment(SqlSegmentKind Kind, int Start, int Length)
{
    public int End => Start + Length;
}
