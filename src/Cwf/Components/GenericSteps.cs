using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>
/// The generic step form at work (<see cref="GenericStepForm"/>): a .cwf step written in it is matched to the
/// component's parameters and built by the component's own <see cref="GenericStepComponent.Build"/>, and a
/// canvas node is written back in it, so that both front ends build the same IR.
/// </summary>
internal static class GenericSteps
{
    public static StepBinding? Bind(GenericStepComponent component, GenericStepSyntax step, StepBinding cx)
    {
        if (Match(component, step, cx) is not { } slots) return null;
        var lowering = new GenericStepLowering(component, step, slots, cx);
        if (!lowering.ResolveInputs()) return null;
        component.Build(lowering);
        return cx.Next(lowering.Result);
    }

    /// <summary>
    /// A step with two results (<c>let located, missing = ... | geocode address</c>): the arguments are matched now,
    /// and each result is lowered when it is first used, the nodes both read built once. A result whose lowering
    /// failed (reported) is not lowered again for the other.
    /// </summary>
    public static BranchBuilder? BindBranches(GenericStepComponent component, GenericStepSyntax step, StepBinding cx)
    {
        if (Match(component, step, cx) is not { } slots) return null;
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        bool failed = false;
        return (branch, info) =>
        {
            if (failed) return null;
            var lowering = new GenericStepLowering(component, step, slots, cx, (FilterOutputs.Names[branch == FilterBranch.Unmatch ? 1 : 0], info), shared);
            if (lowering.ResolveInputs()) component.Build(lowering);
            failed = lowering.Result is null;
            return cx.Next(lowering.Result);
        };
    }

    /// <summary>The checks that do not need the input's columns: the arguments' shape, other relations, expressions.</summary>
    public static void Check(GenericStepComponent component, GenericStepSyntax step, StepBinding open)
    {
        if (Match(component, step, open) is not { } slots) return;
        foreach (var (name, values) in slots)
        {
            if (component.FindInput(name) is not null)
            {
                foreach (var value in values)
                    if (value is NameSyntax { Parts: [var relation] }) open.Relation(relation);
                continue;
            }
            if (component.FindParameter(name)!.Kind is ParameterKind.Column or ParameterKind.ColumnList or ParameterKind.ColumnAggregation) continue;
            foreach (var value in values) open.Scalar(value, "this step");
        }
    }

    /// <summary>Whether a parameter or table input takes all the remaining arguments (a column list, column,method pairs, a multiple input).</summary>
    public static bool TakesSeveral(Component component, string name) =>
        component.FindParameter(name)?.Kind is ParameterKind.ColumnList or ParameterKind.ColumnAggregation || component.FindInput(name)?.Multiple == true;

    /// <summary>
    /// The arguments and options by parameter (or table input) name, in the order written; null after
    /// reporting an argument too many, an unknown or repeated option, an alias the step cannot take, or a
    /// missing table.
    /// </summary>
    private static Dictionary<string, List<ExpressionSyntax>>? Match(GenericStepComponent component, GenericStepSyntax step, StepBinding cx)
    {
        var form = component.Form;
        var slots = new Dictionary<string, List<ExpressionSyntax>>(StringComparer.Ordinal);
        bool ok = true;
        int position = 0;
        foreach (var argument in step.Arguments)
        {
            if (position >= form.Arguments.Count)
            {
                ok = Report(cx, argument, $"'{form.Keyword}' takes {Count(form.Arguments.Count)}, but more are given",
                    $"write it: {Shape(component)}");
                break;
            }
            var name = form.Arguments[position];
            (slots.TryGetValue(name, out var list) ? list : slots[name] = []).Add(argument);
            if (!TakesSeveral(component, name)) position++;
        }
        var optionNames = component.Parameters.Select(p => p.Name).Concat(component.Inputs.Skip(1).Select(p => p.Name)).ToList();
        foreach (var option in step.Options)
        {
            var name = optionNames.FirstOrDefault(n => string.Equals(n, option.Name.Name, StringComparison.OrdinalIgnoreCase));
            if (name is null)
                ok = Report(cx, option.Name, $"'{form.Keyword}' has no option '{option.Name.Name}'",
                    NameSuggestions.Hint(option.Name.Name, optionNames, "options"));
            else if (slots.ContainsKey(name))
                ok = Report(cx, option.Name, $"'{name}' is given twice", "give each value once, by position or by name");
            else if (TakesSeveral(component, name))
                ok = Report(cx, option.Name, $"'{name}' takes several values, so it is written as the last arguments", $"write it: {Shape(component)}");
            else
                slots[name] = [option.Value];
        }
        if (step.Alias is { } alias && !form.NamesColumn)
            ok = Report(cx, alias, $"'{form.Keyword}' adds no column that 'as' could name", "remove 'as " + alias.Name + "'");
        foreach (var port in component.Inputs.Skip(1).Where(p => p.Required && !slots.ContainsKey(p.Name)))
            ok = Report(cx, step, $"'{form.Keyword}' needs the table '{port.Name}'", $"write it: {Shape(component)}");
        return ok ? slots : null;
    }

    private static bool Report(StepBinding cx, SyntaxNode site, string message, params string[] hints)
    {
        cx.Diagnostics.Report(DiagnosticCodes.InvalidStepArgument, cx.Locate(site), message, hints);
        return false;
    }

    private static string Count(int n) => n == 1 ? "1 argument" : $"{n} arguments";

    /// <summary>How the step is written, for hints: <c>scale column, factor { units: ... } [as name]</c>.</summary>
    public static string Shape(GenericStepComponent component)
    {
        var form = component.Form;
        var options = component.Parameters.Select(p => p.Name).Concat(component.Inputs.Skip(1).Select(p => p.Name)).Where(n => !form.Arguments.Contains(n)).ToList();
        return form.Keyword
            + (form.Arguments.IsEmpty ? "" : " " + string.Join(", ", form.Arguments.Select(a => TakesSeveral(component, a) ? a + ", ..." : a)))
            + (options.Count == 0 ? "" : " { " + string.Join(", ", options.Select(o => o + ": ...")) + " }")
            + (form.NamesColumn ? " [as name]" : "");
    }

    /// <summary>
    /// A canvas node in the generic form: the positional values while they are present, every other value
    /// that differs from its default as an option.
    /// </summary>
    public static GenericStepSyntax Decompile(GenericStepComponent component, ComponentDecompilingContext cx)
    {
        var form = component.Form;
        var arguments = new List<ExpressionSyntax>();
        var options = new List<StepOptionSyntax>();
        bool positional = true;
        foreach (var name in form.Arguments)
        {
            var values = Write(component, name, cx);
            if (values.Count == 0) positional = false;
            else if (positional) arguments.AddRange(values);
            else options.Add(new StepOptionSyntax(new IdentifierSyntax(name), values[0]));
        }
        foreach (var name in component.Parameters.Select(p => p.Name).Concat(component.Inputs.Skip(1).Select(p => p.Name)).Where(n => !form.Arguments.Contains(n)))
        {
            var parameter = component.FindParameter(name);
            if (parameter?.Default is { } fallback && cx.Values.Text(name) == fallback) continue;
            if (Write(component, name, cx) is [var value]) options.Add(new StepOptionSyntax(new IdentifierSyntax(name), value));
        }
        return new GenericStepSyntax(new IdentifierSyntax(form.Keyword), arguments.ToSeq(), options.ToSeq());
    }

    /// <summary>A value as .cwf syntax (several for a column list, column,method pairs or a multiple input; none when it has no value).</summary>
    private static IReadOnlyList<ExpressionSyntax> Write(Component component, string name, ComponentDecompilingContext cx)
    {
        if (component.FindInput(name) is not null) return [.. cx.InputNames(name).Select(r => new NameSyntax([r]))];
        var v = cx.Values;
        ExpressionSyntax? One(object? value, Func<ExpressionSyntax> write) => value is null ? null : write();
        var kind = component.FindParameter(name)!.Kind;
        if (kind == ParameterKind.ColumnList) return [.. v.Columns(name) is { } columns ? columns.Select(c => DecompiledSyntax.Name(c.Name)) : []];
        if (kind == ParameterKind.ColumnAggregation)
            return [.. v.Aggregations(name) is { } pairs ? pairs.Select(p => new CallSyntax([new IdentifierSyntax(p.Method)], [DecompiledSyntax.Name(p.Column.Name)])) : []];
        var written = kind switch
        {
            ParameterKind.Column => One(v.Column(name), () => DecompiledSyntax.Name(v.Column(name)!.Name)),
            ParameterKind.Number => One(v.Number(name), () => ExprSyntaxWriter.Write(v.Number(name)!)),
            ParameterKind.Integer => One(v.Integer(name), () => ExprSyntaxWriter.Write(v.Integer(name)!)),
            ParameterKind.Boolean => One(v.Boolean(name), () => LiteralSyntax.Bool(v.Boolean(name)!.Value)),
            ParameterKind.Selection => One(v.Selection(name), () => LiteralSyntax.String(v.Selection(name)!)),
            ParameterKind.StringSql => One(v.Text(name), () => cx.Expression(name)),
            _ => One(v.Text(name), () => LiteralSyntax.String(v.Text(name)!)),
        };
        return written is null ? [] : [written];
    }
}
