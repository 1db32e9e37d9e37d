using Cwf.Ir;

namespace Cwf.Components;

/// <summary>
/// One canvas component, described in one file under <c>Components/Library</c>: its contract (canvas id,
/// table inputs, output handles, typed parameters), its documentation and its lowering to IR. What it is in
/// .cwf is said by the kind it derives from: <see cref="SourceComponent"/> (a <c>source</c> statement),
/// <see cref="StepComponent"/> (a pipeline step; <see cref="GenericStepComponent"/> in the generic step
/// form) or <see cref="SinkComponent"/> (an <c>output</c>). The catalog, the canvas lowering, the decompiler,
/// the .cwf binder and the spec tables all read these descriptors; the abstract members make a component
/// without a lowering, a decompilation or documentation a compile error (spec/components.md).
/// </summary>
public abstract class Component
{
    // Only the kinds below derive from Component: what a component is in .cwf is never left unsaid.
    private protected Component()
    {
    }

    /// <summary>The canvas id, <c>data.name</c> of a node: <c>native.buffer</c>.</summary>
    public abstract string Id { get; }

    /// <summary>The component's title in the product (used in hints: "set 'distance' in the Buffer component").</summary>
    public abstract string Title { get; }

    public abstract ComponentCategory Category { get; }

    /// <summary>The table inputs (edge target handles), the piped one first.</summary>
    public virtual Seq<ComponentPort> Inputs => [ComponentPort.Source];

    /// <summary>The output handles (edge source handles), the main one first.</summary>
    public virtual Seq<string> Outputs => ["result"];

    /// <summary>The value inputs, named as real exports name them.</summary>
    public abstract Seq<ComponentParameter> Parameters { get; }

    /// <summary>
    /// False for a .cwf step that no canvas component builds (its id is cwf's own): canvas nodes never
    /// resolve to it, and it is not part of the canvas contract.
    /// </summary>
    public virtual bool HasCanvasForm => true;

    /// <summary>What the component is in .cwf and in the IR, for the reference tables in spec/.</summary>
    public abstract ComponentDoc Doc { get; }

    /// <summary>
    /// Builds the IR of one canvas node: reads the values, checks them against the input schemas (every
    /// problem a diagnostic at the value), and records the IR node of each output that is used.
    /// </summary>
    public abstract void Lower(CanvasLoweringContext cx);

    public ComponentPort? FindInput(string name) => Inputs.FirstOrDefault(p => p.Name == name);
    public ComponentParameter? FindParameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);
    public bool HasOutput(string name) => Outputs.Contains(name);

    public override string ToString() => Id;
}
