using System.Collections.Immutable;
using Cwf.Binding;
using Cwf.Components;
using Cwf.Components.Library;
using Cwf.Diagnostics;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.Canvas;

/// <summary>
/// The canvas's SQL fragments (StringSql values and custom SQL) in the IR. A fragment is parsed
/// with the .cwf expression grammar and bound against the input's columns, <c>@variable</c> being a
/// typed parameter (contract 5a.7); diagnostics point into the fragment inside the JSON file. A
/// fragment cwf cannot analyse (syntax it does not know, a vendor function) is kept verbatim — a
/// RawSql expression or an opaque SQL step — with a warning; a misspelled column in a fragment
/// that is otherwise understood is an error. Text pasted by <c>{{@name}}</c> is never kept
/// verbatim unless it is inert (<see cref="CanvasVariables.IsInert"/>): a fragment with such
/// text that cwf cannot parse and re-write is an error (CWF3039), because no check can tell how the
/// warehouse's own quoting rules read it.
/// </summary>
internal sealed class SqlFragments(LoweringContext cx, CanvasText text, CanvasVariables variables, string? connectionProvider, DiagnosticBag diagnostics)
{
    // Clause keywords that may follow `FROM $a [alias]` in a custom SQL whose columns are the select list's.
    private static readonly ImmutableHashSet<string> Blocking =
        [",", ";", "JOIN", "GROUP", "HAVING", "UNION", "INTERSECT", "EXCEPT", "MINUS", "LATERAL", "PIVOT", "UNPIVOT", "CROSS", "NATURAL", "FROM", "SELECT", "WINDOW"];
    private static readonly ImmutableHashSet<string> ClauseStarts = ["WHERE", "ORDER", "LIMIT", "QUALIFY", "OFFSET", "FETCH", "TABLESAMPLE"];

    private readonly ExpressionParseOptions _parseOptions = new() { DoubleQuotedStrings = connectionProvider is "bigquery" or "databricks" or "databricksWarehouse" };
    private readonly Dictionary<string, SqlType> _parameters = variables.Parameters.ToDictionary(p => p.Name, p => p.Type, StringComparer.Ordinal);

    // How the warehouse the fragments are written for reads quotes and comments, to find @x and $a in code only.
    private readonly Emit.Scripts.SqlLexicalRules _rules = SqlText.Rules(connectionProvider);

    /// <summary>The text of a StringSql input, how to point into it, and the variables pasted into it by <c>{{@name}}</c>.</summary>
    private sealed record Fragment(string Sql, SourceText Source, Func<TextSpan, Location> Locate, IReadOnlyList<Parameter> Pasted);

    /// <summary>A StringSql expression over the input's columns (<paramref name="what"/>: a filter condition, a computed column).</summary>
    public Expr? Expression(int input, NodeInputs a, string name, string what)
    {
        if (Read(a, name) is not { } fragment) return null;
        var parsed = CwfParser.ParseExpression(fragment.Source, _parseOptions);
        if (parsed.Syntax is null || parsed.HasErrors) return Verbatim(fragment, a, name, parsed.Diagnostics, parsed: false);
        var bound = ExpressionBinder.Bind(parsed.Syntax, ExpressionScope.Single(cx.Builder.SchemaOf(input), null, _parameters), fragment.Source,
            Options(fragment, what));
        if (Unanalysable(bound.Diagnostics)) return Verbatim(fragment, a, name, bound.Diagnostics, parsed: true);
        if (!Accept(bound.Diagnostics, a)) return null;
        return bound.Expr;
    }

    /// <summary><c>native.select</c>: the select list over the input (<c>*</c> expands to the input's columns).</summary>
    public int? Select(int input, NodeInputs a, StepInfo step)
    {
        if (Read(a, "select") is not { } fragment) return null;
        var parsed = CwfParser.ParseSelectList(fragment.Source, _parseOptions);
        BoundSelectList? bound = parsed.Syntax is null || parsed.HasErrors ? null
            : ExpressionBinder.BindSelectList(parsed.Syntax, ExpressionScope.Single(cx.Builder.SchemaOf(input), null, _parameters), fragment.Source, Options(fragment, "a select list"));
        if (bound is null || Unanalysable(bound.Diagnostics))
        {
            if (!Pastable(fragment.Pasted, a, "select", bound?.Diagnostics ?? parsed.Diagnostics, parsed: bound is not null)) return null;
            if (InlineVariables(fragment.Sql, a, "select") is not { } inlined) return null;
            diagnostics.Report(DiagnosticCodes.SqlFragmentNotAnalysed, a.LocationOf("select"),
                $"the select list '{Shorten(fragment.Sql)}' is kept as custom SQL: {Reason(bound?.Diagnostics ?? parsed.Diagnostics)}",
                "cwf does not check it; it must be valid in the target warehouse's SQL");
            var list = inlined.TrimStart();
            if (list.StartsWith("select ", StringComparison.OrdinalIgnoreCase)) list = list[7..];
            return ComponentLowering.CustomSql(cx, [input], $"SELECT {list} FROM $a", null, step);
        }
        if (!Accept(bound.Diagnostics, a) || bound.Columns is not { } columns) return null;
        var location = a.LocationOf("select");
        return ComponentLowering.Select(cx, input, [.. columns.Select(c => (c, location))], step);
    }

    /// <summary>
    /// <c>native.customsql</c>: <paramref name="inputs"/> are the connected inputs as (0 = sourcea, 1 = sourceb,
    /// 2 = sourcec, IR node). Placeholders are renumbered when an input in the middle is unconnected. The
    /// result schema is the declared one, else the one of a plain <c>SELECT list FROM $a ...</c>, else open.
    /// </summary>
    public int? CustomSql(IReadOnlyList<(int Index, int Node)> inputs, string sql, Schema? declared, NodeInputs a, StepInfo step)
    {
        var position = inputs.Select((input, i) => (input.Index, i)).ToDictionary(p => p.Index, p => p.i);
        if (Inlined(sql, position, a) is not { } inlined) return null;
        var schema = declared ?? (position.TryGetValue(0, out var first) ? InferSchema(SqlText.TrimEnd(sql), inputs[first].Node) : null);
        return ComponentLowering.CustomSql(cx, [.. inputs.Select(i => i.Node)], inlined, schema, step);
    }

    /// <summary>
    /// <c>native.call</c>: the CALL statement over the connected inputs, checked and its placeholders renumbered as
    /// custom SQL's are (<c>$output</c> is left for the emitter); the result schema is the declared one, else open.
    /// </summary>
    public int? Call(IReadOnlyList<(int Index, int Node)> inputs, string statement, Schema? declared, NodeInputs a, StepInfo step)
    {
        var position = inputs.Select((input, i) => (input.Index, i)).ToDictionary(p => p.Index, p => p.i);
        return Inlined(statement, position, a) is { } inlined ? ComponentLowering.Call(cx, [.. inputs.Select(i => i.Node)], inlined, declared, step) : null;
    }

    /// <summary>The "sql" text checked (placeholders of connected inputs only, known variables, pastable) with its variables inlined and placeholders renumbered; null after reporting.</summary>
    private string? Inlined(string sql, Dictionary<int, int> position, NodeInputs a)
    {
        foreach (var placeholder in SqlText.Placeholders(sql, _rules).Where(p => !position.ContainsKey(p.Name[0] - 'a')).DistinctBy(p => p.Name))
        {
            int index = placeholder.Name[0] - 'a';
            a.Error(DiagnosticCodes.CustomSqlPlaceholder, "sql",
                index > 2 ? $"custom SQL has only $a, $b and $c, but the query uses ${placeholder.Name}"
                    : $"the query uses ${placeholder.Name}, but input 'source{placeholder.Name}' is not connected",
                index > 2 ? "custom SQL reads at most three tables" : $"connect a table to 'source{placeholder.Name}' or remove ${placeholder.Name} from the query");
        }
        if (!KnownVariables(sql, a, "sql") || a.Failed) return null;
        if (!Pastable(Pasted(a, "sql"), a, "sql", [], parsed: true)) return null;
        if (InlineVariables(SqlText.TrimEnd(sql), a, "sql") is not { } inlined) return null;
        // $a, $b, $c stand for the IR node's inputs in order; with sourceb unconnected, $c is its second input.
        return SqlText.Replace(inlined, SqlText.Placeholders(inlined, _rules), p => OpaqueNode.Placeholder(position[p.Name[0] - 'a']));
    }

    /// <summary>The columns of <c>SELECT [DISTINCT] list FROM $a [[AS] alias] [WHERE/ORDER BY/LIMIT ...]</c> when the list binds; else null.</summary>
    private Schema? InferSchema(string sql, int input)
    {
        var words = SqlText.TopLevelWords(sql, _rules);
        int w = 0;
        if (words.Count < 3 || words[w++].Name != "SELECT") return null;
        if (words[w].Name is "DISTINCT" or "ALL") w++;
        int listStart = words[w - 1].Start + words[w - 1].Length;
        int from = words.FindIndex(w, x => x.Name == "FROM");
        if (from < 0 || from + 1 >= words.Count || words[from + 1].Name != "$A") return null;
        int next = from + 2;
        string? alias = null;
        if (next < words.Count && words[next].Name == "AS" && next + 1 < words.Count)
        {
            alias = sql.Substring(words[next + 1].Start, words[next + 1].Length);
            next += 2;
        }
        else if (next < words.Count && !ClauseStarts.Contains(words[next].Name) && !Blocking.Contains(words[next].Name))
        {
            alias = sql.Substring(words[next].Start, words[next].Length);
            next++;
        }
        if (words.Skip(next).Any(x => Blocking.Contains(x.Name)) || words.Skip(from + 1).Any(x => x.Name.StartsWith('$') && x.Name != "$A")) return null;
        var list = new SourceText("<custom sql>", sql[listStart..words[from].Start]);
        var parsed = CwfParser.ParseSelectList(list, _parseOptions);
        if (parsed.Syntax is null || parsed.HasErrors) return null;
        var bound = ExpressionBinder.BindSelectList(parsed.Syntax, ExpressionScope.Single(cx.Builder.SchemaOf(input), alias, _parameters), list,
            new ExpressionBinderOptions { BareNamesMayBeParameters = false });
        return bound.HasErrors || bound.Columns is not { } columns ? null : new Schema(columns.Map(c => c.ToColumn()));
    }

    /// <summary>The input's text after <c>{{@name}}</c> substitution, with unknown <c>@variables</c> reported.</summary>
    private Fragment? Read(NodeInputs a, string name)
    {
        if (a.Text(name) is not { } value || !KnownVariables(value, a, name)) return null;
        var sql = SqlText.TrimEnd(value);
        string pointer = a.ValuePointer(name);
        bool exact = !a.WasSubstituted(name, value);
        var node = a.Node;
        return new Fragment(sql, new SourceText(text.File.Path, sql), span =>
            text.At(pointer, node, name) with { Position = exact ? text.PositionInString(pointer, span.Start) ?? text.PositionOf(pointer) : text.PositionOf(pointer) },
            Pasted(a, name));
    }

    /// <summary>The variables the input's value as written pastes by <c>{{@name}}</c>.</summary>
    private IReadOnlyList<Parameter> Pasted(NodeInputs a, string name) =>
        a.Node.FindInput(name)?.Value?.Text is { } written ? variables.Pasted(written) : [];

    /// <summary>
    /// Whether SQL that cwf keeps verbatim may hold the pasted variables' text: never when the text
    /// made it unparsable, else only when every pasted value is inert. Otherwise reports CWF3039 and
    /// returns false.
    /// </summary>
    private bool Pastable(IReadOnlyList<Parameter> pasted, NodeInputs a, string name, ImmutableArray<Diagnostic> found, bool parsed)
    {
        var unsafeText = parsed ? pasted.Where(p => !CanvasVariables.IsInert(p)).ToList() : pasted;
        if (unsafeText.Count == 0) return true;
        var names = string.Join(", ", unsafeText.Select(p => $"{{{{@{p.Name}}}}}"));
        var refs = string.Join(", ", unsafeText.Select(p => "@" + p.Name));
        a.Error(DiagnosticCodes.UncheckedTemplate, name,
            parsed || found.IsEmpty
                ? $"input '{name}' pastes the text of {names} into SQL that cwf keeps verbatim, so nothing checks how the warehouse reads it"
                : $"input '{name}' does not parse once {names} is replaced by its text: {Reason(found)}",
            $"write {refs} instead: cwf passes a variable in SQL as a typed value (a literal of the warehouse's SQL), never as text");
        return false;
    }

    private static ExpressionBinderOptions Options(Fragment fragment, string context) =>
        new() { BareNamesMayBeParameters = false, Context = context, Locate = fragment.Locate };

    /// <summary>A fragment is kept verbatim when it calls a function cwf does not know and names no unknown column.</summary>
    private static bool Unanalysable(ImmutableArray<Diagnostic> found) =>
        found.Any(d => d.Descriptor == DiagnosticCodes.UnknownFunction) && !found.Any(d => d.Descriptor == DiagnosticCodes.UnknownColumn);

    /// <summary>Adds the binder's findings (their locations are already canvas locations); false when one is an error.</summary>
    private bool Accept(ImmutableArray<Diagnostic> found, NodeInputs a)
    {
        diagnostics.AddRange(found.Where(d => d.Descriptor != DiagnosticCodes.UnknownFunction));
        if (!found.Any(d => d.IsError)) return true;
        a.MarkFailed();
        return false;
    }

    /// <summary>A fragment cwf cannot analyse, kept as a RawSql expression with a warning (unless pasted text forbids it).</summary>
    private Expr? Verbatim(Fragment fragment, NodeInputs a, string name, ImmutableArray<Diagnostic> found, bool parsed)
    {
        if (!Pastable(fragment.Pasted, a, name, found, parsed) || InlineVariables(fragment.Sql, a, name) is not { } inlined) return null;
        diagnostics.Report(DiagnosticCodes.SqlFragmentNotAnalysed, a.LocationOf(name),
            $"the SQL expression '{Shorten(fragment.Sql)}' is kept as written: {Reason(found)}",
            "cwf does not check its columns or type; it must be valid in the target warehouse's SQL");
        return new RawSql(inlined, SqlType.Unknown);
    }

    /// <summary>Reports each <c>@name</c> of the SQL that is not a canvas variable; true when there is none.</summary>
    private bool KnownVariables(string sql, NodeInputs a, string name)
    {
        bool ok = true;
        foreach (var unknown in SqlText.Variables(sql, _rules).Where(r => variables.Find(r.Name) is null).DistinctBy(r => r.Name))
        {
            a.Error(DiagnosticCodes.UnknownVariable, name, $"unknown variable '@{unknown.Name}' in the SQL",
                NameSuggestions.Hint(unknown.Name, [.. variables.Parameters.Select(p => p.Name)], "variables"));
            ok = false;
        }
        return ok;
    }

    /// <summary>
    /// Writes each <c>@variable</c> of verbatim SQL as a literal of the warehouse's SQL: the fragment is not
    /// analysed, so it cannot take a typed parameter. Every variable must be known (checked before). For an
    /// unknown provider the literal has doubled quotes only, which is safe only for portable text (CWF3043;
    /// null then).
    /// </summary>
    private string? InlineVariables(string sql, NodeInputs a, string name)
    {
        var references = SqlText.Variables(sql, _rules);
        bool writable = true;
        if (Dialects.Find(connectionProvider ?? "") is null)
            foreach (var variable in references.Select(r => variables.Find(r.Name)!).Distinct().Where(v => v.Value is string s && !SqlText.IsPortable(s)))
            {
                writable = false;
                a.Error(DiagnosticCodes.UnwritableVariable, name,
                    $"variable '@{variable.Name}' holds a backslash or a control character, and the canvas names no known warehouse" +
                    (connectionProvider is null ? "" : $" (connectionProvider '{IdentifierRules.Display(connectionProvider)}')") + " whose string literals cwf could write it in",
                    "set connectionProvider to the warehouse the SQL is written for (" + string.Join(", ", Dialects.All.Select(d => d.Name)) + ")");
            }
        return !writable ? null : SqlText.Replace(sql, references, r => SqlText.Literal(variables.Find(r.Name)!, connectionProvider));
    }

    private static string Reason(ImmutableArray<Diagnostic> found) =>
        found.FirstOrDefault(d => d.Descriptor == DiagnosticCodes.UnknownFunction) is { } unknown ? unknown.Message + " to cwf"
        : found.FirstOrDefault(d => d.IsError) is { } error ? "cwf cannot read it (" + error.Message + ")"
        : "cwf cannot read it";

    private static string Shorten(string sql)
    {
        var oneLine = string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 80 ? oneLine : oneLine[..77] + "...";
    }
}
