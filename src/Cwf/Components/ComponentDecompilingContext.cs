using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>
/// A canvas node being decompiled to .cwf: its values (read again, silently: the import had no errors), the IR
/// the import built for it, and the names of the relations around it.
/// </summary>
public abstract class ComponentDecompilingContext
{
    public abstract IComponentValues Values { get; }

    /// <summary>The imported workflow.</summary>
    public abstract Workflow Workflow { get; }

    /// <summary>The IR node built for one of the node's outputs, or null when that output was not built.</summary>
    public abstract RelNode? Ir(string output);

    /// <summary>Whether the node's unmatch output is read: its step ends a two-name let (<c>split</c>).</summary>
    public abstract bool Split { get; }

    /// <summary>The name of the node's output as a relation (a source's name, the let name).</summary>
    public abstract IdentifierSyntax OutputName(string output);

    /// <summary>The relation read through a table input that takes one table.</summary>
    public abstract IdentifierSyntax InputName(string port);

    /// <summary>The relations read through a table input, in edge order.</summary>
    public abstract Seq<IdentifierSyntax> InputNames(string port);

    /// <summary>
    /// The names a join-like step qualifies its first two inputs with, distinct even when one side descends
    /// from the other (then that side is read through a second name declared just before the step).
    /// </summary>
    public abstract (IdentifierSyntax Main, IdentifierSyntax Other) JoinNames();

    /// <summary>A StringSql value parsed as a .cwf expression (the fragment's own syntax is kept).</summary>
    public abstract ExpressionSyntax Expression(string parameter);

    /// <summary>A StringSql value parsed as a .cwf select list.</summary>
    public abstract Seq<SelectItemSyntax> SelectList(string parameter);

    /// <summary>The node's declared schema (<c>data.schema</c>), if any.</summary>
    public abstract Schema? DeclaredSchema { get; }
}
