namespace Cwf.Binding;

/// <summary>A bound relation: the IR node that produces it and the names its columns can be referred to by.</summary>
internal sealed record Relation(int Node, ScopeInput Scope);

/// <summary>What a top-level name stands for.</summary>
internal abstract record Symbol(string Name, Cwf.Syntax.IdentifierSyntax Site, int Statement)
{
    public bool Used { get; set; }
}

/// <summary>A source or let result; <see cref="Relation"/> is null when its statement failed (uses stay silent).</summary>
internal sealed record RelationSymbol(string Name, Cwf.Syntax.IdentifierSyntax Site, int Statement, PendingRelation Relation, bool IsSource)
    : Symbol(Name, Site, Statement);

/// <summary>
/// A relation whose IR node is built when it is first used. The two results of a split are
/// built this way, so that a result nobody reads adds no node (as a canvas handle with no edge).
/// </summary>
internal sealed class PendingRelation
{
    private Func<Relation?>? _build;
    private Relation? _value;

    private PendingRelation(Func<Relation?>? build, Relation? value)
    {
        _build = build;
        _value = value;
    }

    public static PendingRelation Of(Relation? relation) => new(null, relation);
    public static PendingRelation Later(Func<Relation?> build) => new(build, null);

    public bool IsBuilt => _build is null;

    public Relation? Get()
    {
        if (_build is { } build)
        {
            _build = null;
            _value = build();
        }
        return _value;
    }
}

internal sealed record ParameterSymbol(string Name, Cwf.Syntax.IdentifierSyntax Site, int Statement, Ir.Parameter? Parameter)
    : Symbol(Name, Site, Statement);
