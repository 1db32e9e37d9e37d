using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>A component that reads no table (<c>ReadTable</c>): a <c>source</c> statement in .cwf.</summary>
public abstract class SourceComponent : Component
{
    public sealed override Seq<ComponentPort> Inputs => [];

    /// <summary>The <c>source</c> statement the node becomes.</summary>
    public abstract SourceStatementSyntax Decompile(ComponentDecompilingContext cx);
}
