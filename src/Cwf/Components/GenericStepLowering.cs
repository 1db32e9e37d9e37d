using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>
/// A .cwf step in the generic form, lowered by its component: the piped relation is the first table input,
/// the other inputs are relations named by arguments, and the values are the arguments read by kind.
/// </summary>
/// <remarks>
/// A step with two results (<see cref="GenericStepComponent.HasTwoResults"/>) is lowered once per result that is
/// used, <paramref name="branch"/> naming it; <paramref name="shared"/> holds the nodes both results read.
/// </remarks>
internal sealed class GenericStepLowering(GenericStepComponent component, GenericStepSyntax step, Dictionary<string, List<ExpressionSyntax>> slots, StepBinding cx,
    (string Output, StepInfo Step)? branch = null, Dictionary<string, int>? shared = null)
    : ComponentLoweringContext(cx.Lowering.Builder, cx.Lowering.Diagnostics)
{
    private readonly Dictionary<string, List<(StepBinding Relation, Location Location)>> _inputs = new(StringComparer.Ordinal)
    {
        [component.Inputs[0].Name] = [(cx, cx.Step.Origin)],
    };
    private GenericStepValues? _values;

    /// <summary>The IR node the component built, or null.</summary>
    public int? Result { get; private set; }

    /// <summary>Resolves the relations the arguments name; false after reporting one that is unknown or not a name.</summary>
    public bool ResolveInputs()
    {
        bool ok = true;
        foreach (var port in component.Inputs.Skip(1))
        {
            var relations = _inputs[port.Name] = [];
            foreach (var value in slots.GetValueOrDefault(port.Name) ?? [])
            {
                if (value is not NameSyntax { Parts: [var name] })
                {
                    cx.Diagnostics.Report(DiagnosticCodes.InvalidStepArgument, cx.Locate(value), $"'{port.Name}' is a table: write the name of a source or let");
                    ok = false;
                }
                else if (cx.Relation(name) is { } relation) relations.Add((relation, cx.Locate(value)));
                else ok = false;
            }
        }
        return ok;
    }

    public override IComponentValues Values => _values ??= new(component, step, slots, cx, port => _inputs[port][0].Relation);
    public override StepInfo Step => cx.Step;
    public override string? OutputName => step.Alias?.Name;
    public override int Input(string port) => _inputs[port][0].Relation.Node;
    public override IReadOnlyList<(int Node, Location Location)> Inputs(string port) => [.. _inputs[port].Select(i => (i.Relation.Node, i.Location))];
    public override IReadOnlyList<string> UsedOutputs => [branch?.Output ?? component.Outputs[0]];
    public override StepInfo StepOf(string output) => branch?.Step ?? cx.Step;
    public override void Output(string output, int? node) => Result = node;

    public override int Shared(string key, Func<int> build)
    {
        if (shared is null) return build();
        if (!shared.TryGetValue(key, out var node)) shared[key] = node = build();
        return node;
    }

    public override Expr? Expression(string parameter, int input, string what) =>
        ((GenericStepValues)Values).Argument(parameter) is { } syntax ? Relation(input).Scalar(syntax, what) : null;

    private StepBinding Relation(int node) => _inputs.Values.SelectMany(r => r).First(r => r.Relation.Node == node).Relation;
}
