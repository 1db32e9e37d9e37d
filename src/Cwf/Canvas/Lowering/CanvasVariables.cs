using System.Globalization;
using System.Text.RegularExpressions;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Canvas;

/// <summary>
/// The canvas variables as typed workflow parameters (a Number with an integral value is int64,
/// otherwise float64; a String is string; public ones become procedure parameters), and the
/// textual <c>{{@name}}</c> substitution that applies to every input value before it is read
/// (contract 5a.7).
/// </summary>
public sealed partial class CanvasVariables
{
    private readonly Dictionary<string, Parameter> _byName;

    private CanvasVariables(IReadOnlyList<Parameter> parameters)
    {
        Parameters = parameters.ToSeq();
        _byName = parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>The parameters in the canvas's variable order.</summary>
    public Seq<Parameter> Parameters { get; }

    public Parameter? Find(string name) => _byName.GetValueOrDefault(name);

    public static CanvasVariables Build(CanvasDocument document, CanvasText text, DiagnosticBag diagnostics)
    {
        var parameters = new List<Parameter>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in document.Variables.OrderBy(v => v.Order))
        {
            var location = text.At(variable.Pointer);
            if (!seen.Add(variable.Name))
            {
                diagnostics.Report(DiagnosticCodes.DuplicateVariable, location, $"variable '{variable.Name}' is declared twice", "rename or delete one of them");
                continue;
            }
            if (!Identifier().IsMatch(variable.Name))
            {
                diagnostics.Report(DiagnosticCodes.InvalidVariable, text.At(variable.Pointer + "/name"),
                    $"variable name '{variable.Name}' cannot be referenced as @{variable.Name}", "use letters, digits and underscores, starting with a letter");
                continue;
            }
            if (Typed(variable) is { } typed)
            {
                parameters.Add(new Parameter(variable.Name, typed.Type, typed.Value, variable.IsPublic) { Origin = location });
                continue;
            }
            diagnostics.Report(DiagnosticCodes.InvalidVariable, text.At(variable.Pointer + "/value"),
                variable.Value is null or NullValue
                    ? $"variable '{variable.Name}' has no value"
                    : $"variable '{variable.Name}' of type {variable.Type} has the value {variable.Value.Text}, which is not a {variable.Type}",
                "variables are Number (e.g. 500), String or Boolean and need a default value");
        }
        return new CanvasVariables(parameters);
    }

    private static (SqlType Type, object Value)? Typed(CanvasVariable variable)
    {
        if (variable.Value is null or NullValue or ListValue or ObjectValue) return null;
        string text = variable.Value.Text.Trim();
        switch (variable.Type.ToLowerInvariant())
        {
            case "number" or "numeric" or "integer" or "float":
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return (SqlType.Int64, l);
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
                    return d == Math.Floor(d) && Math.Abs(d) < 9e15 ? (SqlType.Int64, (long)d) : (SqlType.Float64, d);
                return null;
            case "boolean" or "bool":
                return text.ToLowerInvariant() switch { "true" => (SqlType.Bool, true), "false" => (SqlType.Bool, false), _ => null };
            case "string" or "text":
                return (SqlType.String, variable.Value.Text);
            default:
                return null;
        }
    }

    /// <summary>
    /// Replaces each <c>{{@name}}</c> by the variable's value as text; an unknown name is reported
    /// and left in place (the caller then sees a value that does not parse, or stops on the error).
    /// </summary>
    public string Substitute(string value, Func<Location> location, DiagnosticBag diagnostics)
    {
        if (!value.Contains("{{", StringComparison.Ordinal)) return value;
        return Reference().Replace(value, m =>
        {
            var name = m.Groups["name"].Value;
            if (Find(name) is { } parameter) return ValueText(parameter.Value);
            diagnostics.Report(DiagnosticCodes.UnknownVariable, location(), $"unknown variable '{{{{@{name}}}}}'",
                NameSuggestions.Hint(name, [.. Parameters.Select(p => p.Name)], "variables"));
            return m.Value;
        });
    }

    /// <summary>The declared variables a value pastes as <c>{{@name}}</c>, each once.</summary>
    public IReadOnlyList<Parameter> Pasted(string value) =>
        value.Contains("{{", StringComparison.Ordinal)
            ? [.. Reference().Matches(value).Select(m => Find(m.Groups["name"].Value)).OfType<Parameter>().Distinct()]
            : [];

    /// <summary>
    /// Whether a variable's text cannot change how the SQL around it is read, wherever it is pasted:
    /// only letters, digits, underscores, spaces and dots (no quote, backslash, comment, dash or
    /// statement end). Other text may only be pasted where cwf parses and re-writes the result.
    /// </summary>
    public static bool IsInert(Parameter parameter) => Inert().IsMatch(ValueText(parameter.Value));

    /// <summary>The variable a value consists of, when the whole value is one <c>{{@name}}</c> reference.</summary>
    public Parameter? WholeReference(string value) =>
        Reference().Match(value.Trim()) is { Success: true } m && m.Length == value.Trim().Length ? Find(m.Groups["name"].Value) : null;

    public static string ValueText(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    [GeneratedRegex(@"\{\{\s*@(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[\p{L}\p{N}_ .]*\z")]
    private static partial Regex Inert();
}
