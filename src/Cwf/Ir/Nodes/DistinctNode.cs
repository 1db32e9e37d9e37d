namespace Cwf.Ir;

/// <summary>Removes duplicate rows (NULLs compare equal to each other here, as in SQL DISTINCT).</summary>
public sealed record DistinctNode(int Id, string Name, int Input, Schema InputSchema) : UnaryNode(Id, Name, Input)
{
    public override Schema Schema => InputSchema;
}
