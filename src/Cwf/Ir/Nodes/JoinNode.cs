namespace Cwf.Ir;

public enum JoinKind
{
    Inner,
    Left,
    Right,
    Full,
}

/// <summary>One output column of a join: column <paramref name="Column"/> of input <paramref name="Side"/> (0 left, 1 right) named <paramref name="Name"/>.</summary>
public sealed record JoinOutput(int Side, string Column, string Name);

/// <summary>
/// Joins two inputs on a condition over both (column refs with Input 0 = left, 1 = right):
/// an equality of columns, a spatial predicate, or any boolean expression. The output columns
/// are listed explicitly (the canvas contract appends the right side's columns as <c>&lt;col&gt;_joined</c>).
/// </summary>
public sealed record JoinNode(int Id, string Name, int Left, int Right, JoinKind Kind, Expr Condition, Seq<JoinOutput> Outputs, Schema OutputSchema)
    : RelNode(Id, Name)
{
    public override Schema Schema => OutputSchema;
    public override Seq<int> Inputs => [Left, Right];
    public override RelNode WithInputs(Seq<int> inputs) => this with { Left = inputs[0], Right = inputs[1] };
    public override IEnumerable<Expr> Expressions => [Condition];
}
