namespace Cwf.Ir;

/// <summary>
/// Concatenates the rows of its inputs, keeping duplicates. Columns are matched by name; the
/// output has the first input's column order (every input has the same set of names and types).
/// </summary>
public sealed record UnionAllNode(int Id, string Name, Seq<int> Sources, Schema OutputSchema) : RelNode(Id, Name)
{
    public override Schema Schema => OutputSchema;
    public override Seq<int> Inputs => Sources;
    public override RelNode WithInputs(Seq<int> inputs) => this with { Sources = inputs };
}
