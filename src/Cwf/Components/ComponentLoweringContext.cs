using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

/// <summary>
/// One use of a component being lowered: its values, the IR nodes of its table inputs, and where its
/// results go. The canvas importer gives one per node (<see cref="CanvasLoweringContext"/>); the .cwf binder
/// one per step in the generic form. It is also the workflow's <see cref="LoweringContext"/> (builder,
/// diagnostics, column checks).
/// </summary>
public abstract class ComponentLoweringContext(WorkflowBuilder builder, DiagnosticBag diagnostics) : LoweringContext(builder, diagnostics)
{
    public abstract IComponentValues Values { get; }

    /// <summary>The name and place of the component's main result.</summary>
    public abstract StepInfo Step { get; }

    /// <summary>The name .cwf gives the column the step adds (<c>as name</c>); null when the component names it (always on a canvas).</summary>
    public abstract string? OutputName { get; }

    /// <summary>The IR node read through a table input that takes one table.</summary>
    public abstract int Input(string port);

    /// <summary>The IR nodes read through a table input, in edge order, with where each edge is; empty when unconnected.</summary>
    public abstract IReadOnlyList<(int Node, Location Location)> Inputs(string port);

    /// <summary>The outputs that are read (in the component's output order); the first output when none is, so that the component is still checked.</summary>
    public abstract IReadOnlyList<string> UsedOutputs { get; }

    /// <summary>The name and place of the IR node for one output (a filter's unmatch output gets a name of its own).</summary>
    public abstract StepInfo StepOf(string output);

    /// <summary>Records the IR node of an output; null (the lowering failed, reported) records nothing.</summary>
    public abstract void Output(string output, int? node);

    /// <summary>
    /// The node <paramref name="key"/> that every output of this use reads, built once: a .cwf step with two
    /// results builds each result when it is first used, and they must share what the step computes (one
    /// external-service call, not one per result).
    /// </summary>
    public virtual int Shared(string key, Func<int> build) => build();

    /// <summary>
    /// A StringSql value as an expression over an input's columns: on a canvas, the SQL fragment parsed and
    /// bound (kept verbatim, as RawSql, when cwf cannot analyse it); in .cwf, the argument bound.
    /// </summary>
    /// <param name="what">What the expression is, for messages: "a filter condition".</param>
    public abstract Expr? Expression(string parameter, int input, string what);
}
