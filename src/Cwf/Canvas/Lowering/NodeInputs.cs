using System.Globalization;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Canvas;

/// <summary>
/// Reads one node's input values by the kinds the component contract gives them (canvas-format.md
/// section 4), after <c>{{@name}}</c> substitution. Each reader returns null after reporting why
/// (at the value's JSON pointer and line:column, naming the node and input); <see cref="Failed"/>
/// then tells the caller not to lower the node.
/// </summary>
internal sealed class NodeInputs(CanvasNode node, Component descriptor, CanvasText text, CanvasVariables variables, DiagnosticBag diagnostics) : IComponentValues
{
    public CanvasNode Node => node;
    public bool Failed { get; private set; }

    public Location LocationOf(string name) =>
        node.FindInput(name) is { } input ? text.At(input.ValuePointer, node, name) : text.At(node.Pointer + "/data/inputs", node, name);

    public Location NodeLocation => text.At(node.Pointer, node);

    /// <summary>The JSON pointer of the input's value (or of the inputs array when the input is missing).</summary>
    public string ValuePointer(string name) => node.FindInput(name)?.ValuePointer ?? node.Pointer + "/data/inputs";

    /// <summary>Whether the value as written differs from <paramref name="read"/> (a <c>{{@name}}</c> was substituted).</summary>
    public bool WasSubstituted(string name, string read) => node.FindInput(name)?.Value?.Text != read;

    /// <summary>The value as text after variable substitution; the parameter's default when empty; null (reported) when required and missing.</summary>
    public string? Text(string name)
    {
        var parameter = descriptor.FindParameter(name);
        var input = node.FindInput(name);
        if (input is null || !input.HasValue)
        {
            if (parameter?.Default is { } fallback) return fallback;
            if (parameter is { Required: false }) return null;
            return Fail<string>(DiagnosticCodes.MissingValue, name, input is null ? $"the node has no input '{name}'" : $"input '{name}' has no value",
                $"set '{name}' in the {descriptor.Title} component");
        }
        if (input.Value is ObjectValue or ListValue && parameter?.Kind is not (ParameterKind.ColumnList or ParameterKind.ColumnAggregation or ParameterKind.Json or ParameterKind.Column))
            return Fail<string>(DiagnosticCodes.InvalidValueShape, name, $"input '{name}' is {input.Value.Kind}, but a single value is expected");
        return variables.Substitute(input.Value!.Text, () => LocationOf(name), diagnostics);
    }

    /// <summary>A Number: a literal (integral text gives int64, as in .cwf), or a parameter when the whole value is <c>{{@number_variable}}</c>.</summary>
    public Expr? Number(string name)
    {
        if (WholeNumberVariable(name) is { } parameter) return new ParamRef(parameter.Name, parameter.Type);
        if (Text(name) is not { } text) return null;
        if (ComponentValues.NumberLiteral(text.Trim()) is { } literal) return literal;
        return Fail<Expr>(DiagnosticCodes.NotANumber, name, $"input '{name}' must be a number, found '{text}'", "write a plain number such as 300 or 2.5, without units");
    }

    /// <summary>A Number that must be integral: "10" and "10.0" give 10; "10.5" and "500m" are errors.</summary>
    public Expr? Integer(string name)
    {
        if (WholeNumberVariable(name) is { } parameter) return new ParamRef(parameter.Name, parameter.Type);
        if (Text(name) is not { } text) return null;
        var trimmed = text.Trim();
        if (!decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return Fail<Expr>(DiagnosticCodes.NotANumber, name, $"input '{name}' must be a whole number, found '{text}'", "write a plain whole number such as 10");
        if (value < long.MinValue || value > long.MaxValue)
            return Fail<Expr>(DiagnosticCodes.NotAnInteger, name, $"input '{name}' must be a 64-bit whole number, found {trimmed}",
                $"use a whole number from {long.MinValue} to {long.MaxValue}");
        if (value != decimal.Truncate(value))
            return Fail<Expr>(DiagnosticCodes.NotAnInteger, name, $"input '{name}' must be a whole number, found {trimmed}", $"use {decimal.Floor(value)} or {decimal.Ceiling(value)}");
        return Literal.Int((long)value);
    }

    public bool? Boolean(string name)
    {
        if (Text(name) is not { } text) return null;
        switch (text.Trim().ToLowerInvariant())
        {
            case "true": return true;
            case "false": return false;
            default:
                Fail<string>(DiagnosticCodes.InvalidBoolean, name, $"input '{name}' must be true or false, found '{text}'");
                return null;
        }
    }

    public ColumnArg? Column(string name)
    {
        var input = node.FindInput(name);
        if (input?.Value is ListValue { Items.Count: > 1 } list)
            return Fail<ColumnArg>(DiagnosticCodes.InvalidValueShape, name, $"input '{name}' takes one column, found {list.Items.Count}: {list.Text}");
        if (Text(name) is not { } text) return null;
        return new ColumnArg(text, LocationOf(name));
    }

    /// <summary>Several columns: an array of strings or one comma-separated string.</summary>
    public IReadOnlyList<ColumnArg>? Columns(string name)
    {
        if (Text(name) is not { } text) return null;
        // Spaces around the commas separate the items; anything else belongs to the names.
        var columns = text.Split(',').Select(c => c.Trim(' ')).Where(c => c.Length > 0).Select(c => new ColumnArg(c, LocationOf(name))).ToList();
        if (columns.Count == 0) return Fail<IReadOnlyList<ColumnArg>>(DiagnosticCodes.MissingValue, name, $"input '{name}' lists no columns");
        return columns;
    }

    /// <summary>
    /// One of the parameter's options, exactly as the contract spells it. A value that differs only in
    /// case is accepted with a warning (the product would silently ignore it); anything else is an error.
    /// </summary>
    public string? Selection(string name)
    {
        var options = descriptor.FindParameter(name)?.Options ?? [];
        if (Text(name) is not { } text) return null;
        if (options.Contains(text)) return text;
        var valid = string.Join(", ", options.Select(o => $"'{o}'"));
        if (options.FirstOrDefault(o => string.Equals(o, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } match)
        {
            diagnostics.Report(DiagnosticCodes.SelectionCaseMismatch, LocationOf(name),
                $"'{text}' is not an option of '{name}' as written; read as '{match}'", $"write it exactly as '{match}' (the product compares options case-sensitively and ignores a mismatch)");
            return match;
        }
        var closest = NameSuggestions.Closest(text, options);
        return Fail<string>(DiagnosticCodes.InvalidSelection, name, $"'{text}' is not an option of '{name}'",
            (closest is null ? "" : $"did you mean '{closest}'? ") + $"valid options: {valid}");
    }

    /// <summary>A ColumnAggregation: the flat <c>"col,method,col,method"</c> string (or an array of the same strings).</summary>
    public IReadOnlyList<AggregationArg>? Aggregations(string name)
    {
        if (Text(name) is not { } text) return null;
        var parts = text.Split(',').Select(p => p.Trim(' ')).ToList();
        if (parts.Count % 2 != 0 || parts.Any(p => p.Length == 0))
            return Fail<IReadOnlyList<AggregationArg>>(DiagnosticCodes.InvalidAggregationList, name, $"input '{name}' must list column,method pairs, found '{text}'",
                $"for example \"revenue,sum,order_id,count\"; methods: {string.Join(", ", ComponentCatalog.AggregationMethods)}");
        var location = LocationOf(name);
        return [.. Enumerable.Range(0, parts.Count / 2).Select(i => new AggregationArg(new ColumnArg(parts[2 * i], location), parts[2 * i + 1], location))];
    }

    public TableName? Table(string name)
    {
        if (Text(name) is not { } text) return null;
        return TableName.TryParse(text) ?? Fail<TableName>(DiagnosticCodes.MalformedTableName, name, $"'{text}' is not a table name", "write it as schema.table or project.dataset.table");
    }

    private Parameter? WholeNumberVariable(string name) =>
        node.FindInput(name)?.Value is StringValue s && variables.WholeReference(s.Value) is { Type: SqlType.Int64 or SqlType.Float64 } p ? p : null;

    /// <summary>Marks the node as failed after an error was reported elsewhere (by the expression binder).</summary>
    public void MarkFailed() => Failed = true;

    /// <summary>Reports an error about one input and marks the node as failed.</summary>
    public void Error(DiagnosticDescriptor code, string name, string message, params string[] hints) => Fail<string>(code, name, message, hints);

    private T? Fail<T>(DiagnosticDescriptor code, string name, string message, params string[] hints) where T : class
    {
        Failed = true;
        diagnostics.Report(code, LocationOf(name), message, hints);
        return null;
    }
}
