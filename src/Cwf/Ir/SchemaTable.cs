using System.Runtime.InteropServices;

namespace Cwf.Ir;

/// <summary>
/// Equal schemas as one object: a builder gives each node it places the schema an earlier node has when the
/// derived one equals it, so that the branches of a workflow that compute the same columns (a select of the
/// same names and types in each) hold one schema and its columns, not one per branch. Schemas compare by value
/// (names exactly, types, nullability, openness), so sharing one changes nothing a reader can see.
/// </summary>
internal sealed class SchemaTable
{
    private readonly Dictionary<Schema, Schema> _schemas = [];
    // The schema given last: a filter, sort or limit has its input's, which is seldom far back, and is not hashed again.
    private Schema? _last;

    /// <summary>The schema equal to <paramref name="schema"/> given before, else <paramref name="schema"/> itself (remembered).</summary>
    public Schema Shared(Schema schema)
    {
        if (ReferenceEquals(schema, _last)) return schema;
        ref var shared = ref CollectionsMarshal.GetValueRefOrAddDefault(_schemas, schema, out bool exists);
        if (!exists) shared = schema;
        return _last = shared!;
    }
}
