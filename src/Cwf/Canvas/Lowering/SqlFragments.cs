using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Canvas;

/// <summary>
/// The canvas's SQL fragments (StringSql values and custom SQL) in the IR. <c>@variable</c>
/// references become typed values; <c>$a</c>/<c>$b</c>/<c>$c</c> placeholders are checked against
/// the connected inputs. A fragment cwf cannot analyse is kept verbatim (RawSql or an opaque
/// custom SQL step) with a warning.
/// </summary>
internal sealed class SqlFragments(LoweringContext cx, CanvasVariables variables, string? connectionProvider, DiagnosticBag diagnostics)
{
    /// <summary>A StringSql expression over the input's columns (a filter condition, a computed column).</summary>
    public Expr? Expression(int input, NodeInputs a, string name)
    {
        if (a.Text(name) is not { } sql || InlineVariables(sql, a, name) is not { } inlined) return null;
        diagnostics.Report(DiagnosticCodes.SqlFragmentNotAnalysed, a.LocationOf(name),
            $"the SQL expression '{Shorten(sql)}' is kept as written; cwf does not check its columns or type",
            "it is emitted verbatim, so it must be valid in the target warehouse's SQL");
        return new RawSql(inlined, SqlType.Unknown);
    }

    /// <summary><c>native.select</c>: the select list over the input.</summary>
    public int? Select(int input, NodeInputs a, StepInfo step)
    {
        if (a.Text("select") is not { } list || InlineVariables(list, a, "select") is not { } inlined) return null;
        diagnostics.Report(DiagnosticCodes.SqlFragmentNotAnalysed, a.LocationOf("select"),
            $"the select list '{Shorten(list)}' is kept as custom SQL; cwf does not check its columns",
            "it is emitted verbatim, so it must be valid in the target warehouse's SQL");
        return ComponentLowering.CustomSql(cx, [input], $"SELECT {inlined} FROM $a", null, step);
    }

    /// <summary>
    /// <c>native.customsql</c>: <paramref name="inputs"/> are the connected inputs as (0 = sourcea, 1 = sourceb,
    /// 2 = sourcec, IR node). Placeholders are renumbered when an input in the middle is unconnected.
    /// </summary>
    public int? CustomSql(IReadOnlyList<(int Index, int Node)> inputs, string sql, Schema? declared, NodeInputs a, StepInfo step)
    {
        var position = inputs.Select((input, i) => (input.Index, i)).ToDictionary(p => p.Index, p => p.i);
        var placeholders = SqlText.Placeholders(sql);
        foreach (var placeholder in placeholders.Where(p => !position.ContainsKey(p.Name[0] - 'a')).DistinctBy(p => p.Name))
        {
            int index = placeholder.Name[0] - 'a';
            a.Error(DiagnosticCodes.CustomSqlPlaceholder, "sql",
                index > 2 ? $"custom SQL has only $a, $b and $c, but the query uses ${placeholder.Name}"
                    : $"the query uses ${placeholder.Name}, but input 'source{placeholder.Name}' is not connected",
                index > 2 ? "custom SQL reads at most three tables" : $"connect a table to 'source{placeholder.Name}' or remove ${placeholder.Name} from the query");
        }
        if (a.Failed || InlineVariables(sql, a, "sql") is not { } inlined) return null;
        // $a, $b, $c stand for the IR node's inputs in order; with sourceb unconnected, $c is its second input.
        inlined = SqlText.Replace(inlined, SqlText.Placeholders(inlined), p => OpaqueNode.Placeholder(position[p.Name[0] - 'a']));
        return ComponentLowering.CustomSql(cx, [.. inputs.Select(i => i.Node)], inlined, declared, step);
    }

    /// <summary>
    /// Writes each <c>@variable</c> of verbatim SQL as a literal of the warehouse's SQL (the fragment is not
    /// analysed, so it cannot take a typed parameter); null after reporting an unknown variable.
    /// </summary>
    private string? InlineVariables(string sql, NodeInputs a, string name)
    {
        var references = SqlText.Variables(sql);
        foreach (var unknown in references.Where(r => variables.Find(r.Name) is null).DistinctBy(r => r.Name))
            a.Error(DiagnosticCodes.UnknownVariable, name, $"unknown variable '@{unknown.Name}' in the SQL",
                NameSuggestions.Hint(unknown.Name, [.. variables.Parameters.Select(p => p.Name)], "variables"));
        if (a.Failed) return null;
        return SqlText.Replace(sql, references, r => SqlText.Literal(variables.Find(r.Name)!, connectionProvider));
    }

    private static string Shorten(string sql)
    {
        var oneLine = string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 80 ? oneLine : oneLine[..77] + "...";
    }
}
