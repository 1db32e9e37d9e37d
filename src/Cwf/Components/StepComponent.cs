using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>Builds one result of a two-result step (match or unmatch) when it is first used; null after an error.</summary>
public delegate StepBinding? BranchBuilder(FilterBranch branch, StepInfo step);

/// <summary>
/// A component that is a pipeline step in .cwf. It may own step keywords (each keyword has exactly one
/// owner, which binds every step written with it) or own none and decompile into another component's
/// step (<c>native.wheresimplified</c> is written as <c>filter</c>, which <c>native.where</c> owns).
/// </summary>
public abstract class StepComponent : Component
{
    /// <summary>The .cwf step keywords this component owns, as <see cref="StepSyntax.Keyword"/> spells them.</summary>
    public virtual Seq<string> Keywords => [];

    /// <summary>
    /// Whether its .cwf step names the relation it is piped from (a join condition qualifies both sides),
    /// so that the decompiler gives that relation a name instead of folding it into the pipeline.
    /// </summary>
    public virtual bool NamesPipedInput => false;

    /// <summary>The .cwf step a canvas node of this component becomes.</summary>
    public abstract StepSyntax Decompile(ComponentDecompilingContext cx);

    /// <summary>
    /// Binds a step written with one of <see cref="Keywords"/>: the pipeline after it, or null when it
    /// failed (reported). A failed filter, sort or take returns <paramref name="cx"/> itself, so that the
    /// steps after it are still checked against its input's columns.
    /// </summary>
    public virtual StepBinding? Bind(StepSyntax step, StepBinding cx) =>
        throw new InvalidOperationException($"{Id} owns no .cwf step keyword, so it binds no step.");

    /// <summary>Whether the step has two results (match, unmatch), so that it can end a two-name let.</summary>
    public virtual bool HasTwoResults(StepSyntax step) => false;

    /// <summary>
    /// Checks a step with two results now and says how to build each when it is first used (a result
    /// nobody reads builds no IR node, like a canvas handle without an edge); null after an error.
    /// </summary>
    public virtual BranchBuilder? BindBranches(StepSyntax step, StepBinding cx) =>
        throw new InvalidOperationException($"{Id} has no step with two results.");

    /// <summary>
    /// Checks a step whose input failed (<paramref name="open"/> has unknown columns): only the mistakes
    /// that do not depend on the input's columns are reported (unknown functions and relation names,
    /// misplaced aggregates).
    /// </summary>
    public virtual void Check(StepSyntax step, StepBinding open)
    {
    }
}
