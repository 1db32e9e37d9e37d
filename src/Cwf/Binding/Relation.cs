namespace Cwf.Binding;

/// <summary>A bound relation: the IR node that produces it and the names its columns can be referred to by.</summary>
internal sealed record Relation(int Node, ScopeInput Scope);

/// <summary>What a top-level name stands for.</summary>
internal abstract record Symbol(string Name, Cwf.Syntax.IdentifierSyntax Site, int Statement)
{
    public bool Used { get; set; }
}

/// <summary>A source or let result; <see cref="Relation"/> is null when its statement failed (uses stay silent).</summary>
internal sealed record RelationSymbol(string Name, Cwf.Syntax.IdentifierSyntax Site, int Statement, Relation? Relation, bool IsSource)
    : Symbol(Name, Site, Statement);

internal sealed record ParameterSymbol(string Name, Cwf.Syntax.IdentifierSyntax Site, int Statement, Ir.Parameter? Parameter)
    : Symbol(Name, Site, Statement);
