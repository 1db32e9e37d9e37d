namespace Cwf.Interpretation;

/// <summary>
/// One step of a run as progress reports name it: its place (<paramref name="Number"/> of
/// <paramref name="Total"/>) and what it is, for a person (<c>filter 'large'</c>, <c>CREATE TABLE out.x AS</c>).
/// </summary>
public sealed record RunStep(int Number, int Total, string Description)
{
    /// <summary>The IR node the interpreter runs in this step; null for a statement on a server.</summary>
    public int? NodeId { get; init; }
}
