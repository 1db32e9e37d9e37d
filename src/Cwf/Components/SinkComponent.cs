using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>
/// A component with no output (<c>native.saveastable</c>): an <c>output</c> statement in .cwf. Its IR node
/// is recorded under the empty output handle.
/// </summary>
public abstract class SinkComponent : Component
{
    public sealed override Seq<string> Outputs => [];

    /// <summary>The <c>output</c> statement the node becomes (it reads a named result).</summary>
    public abstract OutputStatementSyntax Decompile(ComponentDecompilingContext cx);
}
