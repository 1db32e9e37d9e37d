using System.Collections.Immutable;

namespace Cwf.Analysis;

/// <summary>
/// One cycle of a directed graph as the ordered path of its vertices: each vertex has an edge to
/// the next and the last has an edge back to the first. A self-loop is a path of one vertex.
/// </summary>
public sealed record GraphCycle<TVertex>(ImmutableArray<TVertex> Path)
{
    /// <summary>The cycle as text, closing on its first vertex: <c>a -> b -> c -> a</c>.</summary>
    public string Describe(Func<TVertex, string> name) =>
        string.Join(" -> ", Path.Append(Path[0]).Select(name));

    public bool Equals(GraphCycle<TVertex>? other) => other is not null && Path.SequenceEqual(other.Path);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in Path) hash.Add(v);
        return hash.ToHashCode();
    }
}
