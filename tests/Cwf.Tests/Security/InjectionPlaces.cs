using Cwf.Emit;
using Cwf.Tests.Security.Lexers;

namespace Cwf.Tests.Security;

/// <summary>
/// Every place a user controls, in a .cwf program and in a canvas export: names, titles, labels,
/// literals, parameters and variables, custom SQL, input values of every kind, catalogs.
/// </summary>
internal static class InjectionPlaces
{
    public static readonly IReadOnlyList<InjectionPlace> All = [.. Canvas(), .. Program()];

    public static InjectionPlace Find(string name) => All.Single(p => p.Name == name);

    // ---- canvas --------------------------------------------------------------------------------

    private static IEnumerable<InjectionPlace> Canvas()
    {
        var b = new HostileCanvas();
        yield return Place("canvas title", PayloadForm.Comment, p => b with { Title = p });
        yield return Place("canvas label", PayloadForm.Anywhere, p => b with { Steps = [b.Steps[0] with { Label = p }, .. b.Steps.Skip(1)], SaveLabel = p });
        yield return Place("canvas note", PayloadForm.Anywhere, p => b with { Notes = [p] });
        yield return Place("canvas node id", PayloadForm.Anywhere, p => b with { Steps = [b.Steps[0], b.Steps[1] with { Id = p }, .. b.Steps.Skip(2)] });
        yield return Place("canvas source table", PayloadForm.Identifier, p => TablePart(p) is { } part ? b with { SourceTable = "s." + part } : null) with { Expected = Pasted };
        yield return Place("canvas source schema", PayloadForm.Identifier, p => TablePart(p) is { } part ? b with { SourceTable = part + ".src" } : null) with { Expected = Pasted };
        yield return Place("canvas source column", PayloadForm.Identifier, p => b with { SourceSchema = [.. HostileCanvas.BaseSchema, (p, "string")] });
        yield return Place("canvas column input", PayloadForm.Identifier,
            p => (b with { SourceSchema = [.. HostileCanvas.BaseSchema, (p, "string")] }).WithInput("order", "column", Json.Str(p)));
        yield return new InjectionPlace("canvas catalog column", PayloadForm.Identifier, (p, d) => new InjectionInput("canvas.json",
            (b with { SourceSchema = null, Provider = d.Name }).ToJson(), Json.Catalog("s.src", [.. HostileCanvas.BaseSchema, (p, "string")])));
        yield return Place("canvas output table", PayloadForm.Identifier, p => TablePart(p) is { } part ? b with { Destination = "o." + part } : null) with { Expected = Pasted };
        yield return Place("canvas output schema", PayloadForm.Identifier, p => TablePart(p) is { } part ? b with { Destination = part + ".out" } : null) with { Expected = Pasted };
        yield return Place("canvas computed column name", PayloadForm.Identifier, p => b.WithInput("expr", "column", Json.Str(p))) with { Expected = Pasted };
        yield return Place("canvas new column name", PayloadForm.Identifier, p => b.WithInput("rename", "newname", Json.Str(p))) with { Expected = Pasted };
        yield return Place("canvas variable as @v", PayloadForm.StringLiteral, p => WithV(b, p).WithInput("expr", "expression", Json.Str("@v")));
        yield return Place("canvas variable as {{@v}} in a value", PayloadForm.StringLiteral, p => WithV(b, p).WithInput("simple", "value", Json.Str("{{@v}}")));
        yield return Place("canvas string value", PayloadForm.StringLiteral, p => b.WithInput("simple", "value", Json.Str(p))) with { Expected = Pasted };
        yield return Place("canvas variable in custom SQL", PayloadForm.StringLiteral,
            p => WithV(b, p) with { Steps = [CustomSql("SELECT id, name, amount, @v AS c FROM $a")] });
        yield return new InjectionPlace("canvas custom SQL literal", PayloadForm.StringLiteral, (p, d) =>
            WarehouseLexers.For(d).StringLiteral(p) is { } literal
                ? new InjectionInput("canvas.json", (b with { Provider = d.Name, Steps = [CustomSql($"SELECT id, name, amount, {literal} AS c FROM $a")] }).ToJson())
                : null) with { Expected = Pasted };
        yield return Place("canvas variable as {{@v}} in SQL", PayloadForm.Code, p => WithV(b, p).WithInput("filter", "expression", Json.Str("name <> '{{@v}}'")));
        yield return Place("canvas variable as {{@v}} in a table name", PayloadForm.Code, p => WithV(b, p) with { Destination = "o.{{@v}}" });
        yield return Place("canvas number variable", PayloadForm.Code,
            p => (b with { Variables = [("v", "String", Json.Str("val"), true), ("n", "Number", Json.Str(p), false)] }).WithInput("limit", "limit", Json.Str("{{@n}}"))) with { Benign = "5" };
        yield return Place("canvas variable name", PayloadForm.Anywhere, p => b with { Variables = [.. b.Variables, (p, "String", Json.Str("x"), false)] });
        yield return Place("canvas number input", PayloadForm.Anywhere, p => b.WithInput("limit", "limit", Json.Str(p))) with { Benign = "100" };
        yield return Place("canvas boolean input", PayloadForm.Anywhere, p => b with { AppendJson = Json.Str(p) }) with { Benign = "false" };
        yield return Place("canvas selection input", PayloadForm.Anywhere, p => b.WithInput("order", "direction", Json.Str(p))) with { Benign = "Descending" };
        yield return Place("canvas aggregation input", PayloadForm.Anywhere, p => b with
        {
            Steps = [new CanvasStep("group", "native.groupby", "Group", [("groupby", Json.Str("name")), ("columns", Json.Str("amount," + p))])],
        }) with { Benign = "sum" };
    }

    private static InjectionPlace Place(string name, PayloadForm form, Func<string, HostileCanvas?> build) =>
        new(name, form, (payload, dialect) => build(payload) is { } canvas ? new InjectionInput("canvas.json", (canvas with { Provider = dialect.Name }).ToJson()) : null);

    /// <summary>An input value as the canvas reads it: the base variables' <c>{{@v}}</c> and <c>{{@n}}</c> replaced by their text.</summary>
    private static string Pasted(string value) => value.Replace("{{@v}}", "val", StringComparison.Ordinal).Replace("{{@n}}", "5", StringComparison.Ordinal);

    private static HostileCanvas WithV(HostileCanvas canvas, string payload) =>
        canvas with { Variables = [("v", "String", Json.Str(payload), true), ("n", "Number", "5", false)] };

    private static CanvasStep CustomSql(string sql) => new("custom", "native.customsql", "Custom", [("sql", Json.Str(sql))], InPort: "sourcea");

    // ---- .cwf ----------------------------------------------------------------------------------

    /// <summary>The base program's slots and their default (already written) values.</summary>
    private static readonly Dictionary<string, string> Slots = new()
    {
        ["title"] = "'Base program'",
        ["source"] = "src",
        ["table"] = "'s.src'",
        ["column"] = "extra",
        ["let"] = "step1",
        ["literal"] = "'lit'",
        ["derived"] = "c",
        ["renamed"] = "n2",
        ["alias"] = "a2",
        ["param"] = "'val'",
        ["output"] = "'o.out'",
        ["schema"] = " { id: int64, name: string, amount: float64, {column}: string }",
        ["sql"] = "",
    };

    private const string Template = """
        workflow {title}
        param p: string = {param}
        source {source} = table {table}{schema}
        let {let} = {source}
          | filter id > 0
          | derive {derived} = {literal}, d = @p
          | rename name to {renamed}
          | select id, {renamed}, {derived}, d, amount as {alias}, {column}{sql}
        output {let} -> table {output} mode replace
        """;

    private static IEnumerable<InjectionPlace> Program()
    {
        yield return Slot("cwf title", PayloadForm.Comment, "title", CwfText);
        yield return Slot("cwf let name", PayloadForm.Anywhere, "let", CwfIdentifier);
        yield return Slot("cwf source name", PayloadForm.Anywhere, "source", CwfIdentifier);
        yield return Slot("cwf source table", PayloadForm.Identifier, "table", p => TablePart(p) is { } part ? CwfText("s." + part) : null);
        yield return Slot("cwf output table", PayloadForm.Identifier, "output", p => TablePart(p) is { } part ? CwfText("o." + part) : null);
        yield return Slot("cwf output schema", PayloadForm.Identifier, "output", p => TablePart(p) is { } part ? CwfText(part + ".out") : null);
        yield return Slot("cwf source column", PayloadForm.Identifier, "column", CwfIdentifier);
        yield return Slot("cwf derived column", PayloadForm.Identifier, "derived", CwfIdentifier);
        yield return Slot("cwf rename target", PayloadForm.Identifier, "renamed", CwfIdentifier);
        yield return Slot("cwf select alias", PayloadForm.Identifier, "alias", CwfIdentifier);
        yield return Slot("cwf string literal", PayloadForm.StringLiteral, "literal", CwfString);
        yield return Slot("cwf parameter default", PayloadForm.StringLiteral, "param", CwfString);
        yield return new InjectionPlace("cwf --param override", PayloadForm.StringLiteral,
            (p, _) => new InjectionInput("test.cwf", Fill([]), Overrides: ["p=" + p]));
        yield return new InjectionPlace("cwf catalog column", PayloadForm.Identifier, (p, _) =>
            CwfIdentifier(p) is { } name
                ? new InjectionInput("test.cwf", Fill(new() { ["schema"] = "", ["column"] = name }),
                    Json.Catalog("s.src", [.. HostileCanvas.BaseSchema, (p, "string")]))
                : null);
        yield return new InjectionPlace("cwf sql step literal", PayloadForm.StringLiteral, (p, d) =>
            WarehouseLexers.For(d).StringLiteral(p) is { } literal && CwfText($"SELECT *, {literal} AS lit FROM $a") is { } sql
                ? new InjectionInput("test.cwf", Fill(new() { ["sql"] = $"\n  | sql {sql} returns {{ id: int64, n2: string, c: string, d: string, a2: float64, extra: string, lit: string }}" }))
                : null);
    }

    private static InjectionPlace Slot(string name, PayloadForm form, string slot, Func<string, string?> write) =>
        new(name, form, (p, _) => write(p) is { } text ? new InjectionInput("test.cwf", Fill(new() { [slot] = text })) : null);

    /// <summary>The template with every slot filled in one pass (so that a payload is never read as a slot).</summary>
    private static string Fill(Dictionary<string, string> values)
    {
        var text = Template.Replace("{schema}", values.GetValueOrDefault("schema", Slots["schema"]), StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(text, @"\{(\w+)\}", m => values.GetValueOrDefault(m.Groups[1].Value, Slots[m.Groups[1].Value]));
    }

    /// <summary>A .cwf statement-level text: '...' on one line, else """...""", else not writable.</summary>
    private static string? CwfText(string s) =>
        !s.Contains('\r') && !s.Contains('\n') ? CwfString(s)
        : !s.Contains("\"\"\"", StringComparison.Ordinal) && !s.EndsWith('"') ? "\"\"\"" + s + "\"\"\""
        : null;

    /// <summary>A .cwf '...' string: quotes doubled, no line break.</summary>
    private static string? CwfString(string s) => s.Contains('\r') || s.Contains('\n') ? null : "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A .cwf "..." name: quotes doubled, no line break.</summary>
    private static string? CwfIdentifier(string s) => s.Contains('\r') || s.Contains('\n') ? null : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// One part of a dotted table name as the table-name syntax reads it: bare without dots and
    /// quotes, else in double quotes (which cannot hold one), else in backticks (which split at dots).
    /// </summary>
    private static string? TablePart(string s) =>
        s.IndexOfAny(['.', '"', '`']) < 0 ? s
        : !s.Contains('"') ? "\"" + s + "\""
        : !s.Contains('`') && !s.Contains('.') ? "`" + s + "`"
        : null;
}
