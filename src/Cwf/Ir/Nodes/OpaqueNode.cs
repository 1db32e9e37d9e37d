using System.Collections.Immutable;

namespace Cwf.Ir;

/// <summary>
/// A step cwf cannot see into. Either custom SQL (<paramref name="SqlTemplate"/> set: a SELECT
/// in which <c>$a</c>, <c>$b</c>, <c>$c</c> stand for the inputs in order), or a component cwf
/// does not know (<paramref name="SqlTemplate"/> null: backends refuse to emit it). Its schema
/// is declared, inferred, or open (unknown: downstream columns pass unchecked).
/// </summary>
public sealed record OpaqueNode(
    int Id,
    string Name,
    Seq<int> Sources,
    string Component,
    string? SqlTemplate,
    Schema OutputSchema,
    ImmutableSortedDictionary<string, string> Properties) : RelNode(Id, Name)
{
    public override Schema Schema => OutputSchema;
    public override Seq<int> Inputs => Sources;
    public override RelNode WithInputs(Seq<int> inputs) => this with { Sources = inputs };

    public bool IsCustomSql => SqlTemplate is not null;

    /// <summary>The placeholder that stands for input <paramref name="index"/> in the template: $a, $b, $c...</summary>
    public static string Placeholder(int index) => "$" + (char)('a' + index);

    public bool Equals(OpaqueNode? other) =>
        other is not null && base.Equals(other) && Sources == other.Sources && Component == other.Component &&
        SqlTemplate == other.SqlTemplate && OutputSchema.Equals(other.OutputSchema) && Properties.SequenceEqual(other.Properties);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Sources, Component, SqlTemplate, OutputSchema);
}
