namespace Cwf.Binding;

/// <summary>What a top-level name stands for.</summary>
internal abstract record Symbol(string Name, Cwf.Syntax.IdentifierSyntax Site, int Statement)
{
    public bool Used { get; set; }
}

/// <summary>A source or let result; its relation is null when its statement failed (uses stay silent).</summary>
internal sealed record RelationSymbol(string Name, Cwf.Syntax.IdentifierSyntax Site, int Statement, PendingRelation Relation, bool IsSource)
    : Symbol(Name, Site, Statement);

/// <summary>A param or const; <see cref="Parameter"/> is null when its declaration failed.</summary>
internal sealed record ParameterSymbol(string Name, Cwf.Syntax.IdentifierSyntax Site, int Statement, Ir.Parameter? Parameter)
    : Symbol(Name, Site, Statement);

/// <summary>A name declared by a statement not bound yet (it becomes the symbol its statement binds).</summary>
internal sealed record DeclaredName(string Name, Cwf.Syntax.IdentifierSyntax Site, int Statement)
    : Symbol(Name, Site, Statement);
