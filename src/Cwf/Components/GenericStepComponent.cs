using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>
/// A component written in .cwf in the generic step form, <c>keyword arg, ... { option: value } [as name]</c>
/// (<see cref="GenericStepForm"/>): it declares its contract, its form and one <see cref="Build"/>, and gets
/// its canvas lowering, .cwf binding, decompilation and formatting from them, so that a canvas node and its
/// decompiled step build the same IR by construction. This is the cheap way to add a component: one file,
/// no grammar change (spec/components.md).
/// </summary>
public abstract class GenericStepComponent : StepComponent
{
    /// <summary>How the component is written in .cwf.</summary>
    public abstract GenericStepForm Form { get; }

    public sealed override Ir.Seq<string> Keywords => [Form.Keyword];

    /// <summary>Builds the IR from the component's values; the same code serves canvas nodes and .cwf steps.</summary>
    public abstract void Build(ComponentLoweringContext cx);

    public sealed override void Lower(CanvasLoweringContext cx) => Build(cx);

    public sealed override StepSyntax Decompile(ComponentDecompilingContext cx) => GenericSteps.Decompile(this, cx);

    public sealed override StepBinding? Bind(StepSyntax step, StepBinding cx) => GenericSteps.Bind(this, (GenericStepSyntax)step, cx);

    public sealed override void Check(StepSyntax step, StepBinding open) => GenericSteps.Check(this, (GenericStepSyntax)step, open);

    /// <summary>A component with a filter's two outputs (match, unmatch) can end a two-name let; its step alone gives match.</summary>
    public sealed override bool HasTwoResults(StepSyntax step) => Outputs.Count == 2;

    public sealed override BranchBuilder? BindBranches(StepSyntax step, StepBinding cx) => GenericSteps.BindBranches(this, (GenericStepSyntax)step, cx);
}
