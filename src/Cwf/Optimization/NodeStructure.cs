using System.Runtime.InteropServices;
using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>
/// Two nodes compute the same thing: same kind, the same inputs once merged nodes are resolved
/// (<paramref name="resolve"/>), expressions equal by <see cref="ExprStructure"/>, the same schema,
/// and every other argument equal (an operator's kind, names, sort directions, a join's outputs).
/// The hash reads the kind, the inputs and the expressions only; nothing builds text.
/// </summary>
internal sealed class NodeStructure(Func<int, int> resolve) : IEqualityComparer<RelNode>
{
    // Stands for every expression in the copies that compare the other arguments: the expressions are compared before.
    private static readonly Literal Placeholder = Literal.Null();

    public int GetHashCode(RelNode node)
    {
        var hash = new HashCode();
        hash.Add(node.GetType());
        foreach (var input in node.Inputs) hash.Add(resolve(input));
        foreach (var e in node.Expressions) hash.Add(ExprStructure.Hash(e));
        return hash.ToHashCode();
    }

    public bool Equals(RelNode? a, RelNode? b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null || a.GetType() != b.GetType()) return false;
        Seq<int> inputsA = a.Inputs, inputsB = b.Inputs;
        if (inputsA.Count != inputsB.Count) return false;
        for (int i = 0; i < inputsA.Count; i++)
            if (resolve(inputsA[i]) != resolve(inputsB[i])) return false;
        Seq<Expr> expressionsA = a.Expressions, expressionsB = b.Expressions;
        if (expressionsA.Count != expressionsB.Count) return false;
        for (int i = 0; i < expressionsA.Count; i++)
            if (!ExprStructure.Equal(expressionsA[i], expressionsB[i])) return false;
        return a.Schema.Equals(b.Schema) && Arguments(a).Equals(Arguments(b));
    }

    // The node as a record whose id, name, origin, inputs and expressions are the same for every node of its
    // kind, so that the records' equality compares the rest, for every kind alike. Made only for two nodes
    // whose hash, inputs and expressions agree: in practice, two that merge.
    private static RelNode Arguments(RelNode node) =>
        (node with { Id = 0, Name = string.Empty, Origin = null })
            .WithInputs(ImmutableCollectionsMarshal.AsImmutableArray(new int[node.Inputs.Count]))
            .WithExpressions(node.Expressions.Map(static _ => (Expr)Placeholder));
}
