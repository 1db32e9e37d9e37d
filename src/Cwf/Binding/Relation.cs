namespace Cwf.Binding;

/// <summary>A bound relation: the IR node that produces it and the names its columns can be referred to by.</summary>
internal sealed record Relation(int Node, ScopeInput Scope);
