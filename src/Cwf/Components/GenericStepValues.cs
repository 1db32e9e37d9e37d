using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>
/// The values of a .cwf step in the generic form, read by the kinds the component's parameters have: a
/// column is a name (bare or qualified) of the parameter's table, a number a constant or a parameter, a
/// selection one of the options written as a string or a bare word, text a string. Each problem is a
/// CWF2850 at the argument; a missing value reads as the parameter's default.
/// </summary>
/// <param name="relationOf">The relation given for a table input (the piped one for the first).</param>
internal sealed class GenericStepValues(GenericStepComponent component, GenericStepSyntax step, Dictionary<string, List<ExpressionSyntax>> slots,
    StepBinding cx, Func<string, StepBinding> relationOf) : IComponentValues
{
    public bool Failed { get; private set; }

    public Location LocationOf(string name) => cx.Locate(slots.TryGetValue(name, out var values) ? values[0] : step);

    /// <summary>The argument given for a parameter; null when there is none (a missing required value is reported).</summary>
    public ExpressionSyntax? Argument(string name)
    {
        if (slots.TryGetValue(name, out var values)) return values[0];
        if (component.FindParameter(name) is { Required: true, Default: null })
            Fail<string>(step, $"'{component.Form.Keyword}' needs '{name}'", $"write it: {GenericSteps.Shape(component)}");
        return null;
    }

    public string? Text(string name)
    {
        if (Argument(name) is not { } value) return component.FindParameter(name)?.Default;
        return value is LiteralSyntax { Kind: LiteralKind.String } s ? s.Text : Fail<string>(value, $"'{name}' is text: write it in quotes, e.g. 'value'");
    }

    public Expr? Number(string name)
    {
        if (Constant(name, "a number") is not { } value) return null;
        return value.Type.IsNumeric() || value.Type == SqlType.Unknown ? value : Fail<Expr>(slots[name][0], $"'{name}' must be a number, not {value.Type.Name()}");
    }

    public Expr? Integer(string name)
    {
        if (Constant(name, "a whole number") is not { } value) return null;
        return value switch
        {
            Literal { Value: long } or ParamRef { Type: SqlType.Int64 } => value,
            Literal { Value: double d } when d == Math.Floor(d) && Math.Abs(d) < 9e15 => Literal.Int((long)d),
            _ => Fail<Expr>(slots[name][0], $"'{name}' must be a whole number, found {value}", "write a whole number such as 10, or an int64 parameter"),
        };
    }

    public bool? Boolean(string name)
    {
        if (Argument(name) is not { } value) return component.FindParameter(name)?.Default is { } fallback ? bool.Parse(fallback) : null;
        switch (value)
        {
            case LiteralSyntax { Kind: LiteralKind.True }: return true;
            case LiteralSyntax { Kind: LiteralKind.False }: return false;
            default:
                Fail<string>(value, $"'{name}' must be true or false");
                return null;
        }
    }

    public ColumnArg? Column(string name) => Argument(name) is { } value ? ColumnOf(name, value) : null;

    public IReadOnlyList<ColumnArg>? Columns(string name)
    {
        if (Argument(name) is null) return null;
        var columns = slots[name].Select(value => ColumnOf(name, value)).ToList();
        return columns.Any(c => c is null) ? null : [.. columns.OfType<ColumnArg>()];
    }

    public string? Selection(string name)
    {
        var options = component.FindParameter(name)!.Options;
        if (Argument(name) is not { } value) return component.FindParameter(name)!.Default;
        var word = value switch
        {
            LiteralSyntax { Kind: LiteralKind.String } s => s.Text,
            NameSyntax { Parts: [var part] } => part.Name,
            _ => null,
        };
        if (word is not null && options.FirstOrDefault(o => string.Equals(o, word, StringComparison.OrdinalIgnoreCase)) is { } option) return option;
        var closest = word is null ? null : NameSuggestions.Closest(word, options);
        return Fail<string>(value, $"{(word is null ? "this" : $"'{word}'")} is not an option of '{name}'",
            (closest is null ? "" : $"did you mean '{closest}'? ") + "valid options: " + string.Join(", ", options.Select(o => $"'{o}'")));
    }

    /// <summary>Column,method pairs, the last arguments, each written as a call: <c>sum(population), avg(income)</c>.</summary>
    public IReadOnlyList<AggregationArg>? Aggregations(string name)
    {
        if (Argument(name) is null) return null;
        var pairs = new List<AggregationArg>();
        foreach (var value in slots[name])
        {
            if (value is not CallSyntax { Name: [var method], Arguments: [NameSyntax column], Distinct: false, OrderBy.IsEmpty: true })
                return Fail<IReadOnlyList<AggregationArg>>(value, $"'{name}' lists aggregations: write each as method(column)", "for example sum(population), avg(income)");
            if (ColumnOf(name, column) is not { } resolved) return null;
            pairs.Add(new AggregationArg(resolved, method.Name, cx.Locate(value)));
        }
        return pairs;
    }

    public TableName? Table(string name) =>
        Text(name) is not { } text ? null
        : TableName.TryParse(text) ?? Fail<TableName>(LocationSite(name), $"'{text}' is not a table name", "write it as schema.table or project.dataset.table");

    private SyntaxNode LocationSite(string name) => slots.TryGetValue(name, out var values) ? values[0] : step;

    private ColumnArg? ColumnOf(string name, ExpressionSyntax value)
    {
        if (value is not NameSyntax column) return Fail<ColumnArg>(value, $"'{name}' is a column: write its name");
        var owner = component.FindParameter(name)!.Parent ?? component.Inputs[0].Name;
        return relationOf(owner).Column(column) ?? Fail<ColumnArg>(value, null);
    }

    /// <summary>An argument that does not depend on the input's columns: a literal, a quantity, a parameter, or arithmetic on them.</summary>
    private Expr? Constant(string name, string what)
    {
        if (Argument(name) is not { } value)
            return component.FindParameter(name)?.Default is { } fallback ? ComponentValues.NumberLiteral(fallback) : null;
        if (cx.Scalar(value, $"'{name}'") is not { } bound) return Fail<Expr>(value, null);
        return bound.DescendantsAndSelf().Any(e => e is ColumnRef) ? Fail<Expr>(value, $"'{name}' must be {what} or a parameter, not a column") : bound;
    }

    /// <summary>Marks the values as failed, reporting <paramref name="message"/> unless another diagnostic already says why (null).</summary>
    private T? Fail<T>(SyntaxNode site, string? message, params string[] hints) where T : class
    {
        Failed = true;
        if (message is not null) cx.Diagnostics.Report(DiagnosticCodes.InvalidStepArgument, cx.Locate(site), message, hints);
        return null;
    }
}
