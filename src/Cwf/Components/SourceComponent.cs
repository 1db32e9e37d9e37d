using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>A component that reads no table input (<c>ReadTable</c>, the constant-row sources): a <c>source</c> statement in .cwf.</summary>
public abstract class SourceComponent : Component
{
    public sealed override Seq<ComponentPort> Inputs => [];

    /// <summary>The <c>source</c> statement the node becomes (a table, or constant rows).</summary>
    public abstract StatementSyntax Decompile(ComponentDecompilingContext cx);
}
