using System.Collections.Immutable;
using System.Text;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.Formatting;

/// <summary>The canonical text of a program, or the syntax errors that prevent formatting it.</summary>
public sealed record FormatResult(string? Text, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Prints .cwf programs in one canonical layout (<c>cwf fmt</c>): one statement per line, a step
/// per line under its let, lower-case keywords, comments kept where they were written (on their
/// own line before a statement, step or column, or at the end of its line). Formatting is
/// idempotent and never changes what the program means. Works on trees built in code too (the
/// canvas decompiler prints its trees with it).
/// </summary>
public static class CwfFormatter
{
    /// <summary>Lines of a brace block longer than this are broken, one item per line.</summary>
    public const int LineWidth = 100;

    private const string StepIndent = "  ";

    /// <summary>Parses and prints; text with syntax errors is not formatted (its diagnostics are returned).</summary>
    /// <param name="steps">The generic step keywords the program may use; by default the component catalog's.</param>
    public static FormatResult Format(SourceText source, StepVocabulary? steps = null)
    {
        var parsed = CwfParser.ParseProgram(source, steps ?? ComponentCatalog.Default.Steps);
        return parsed.HasErrors ? new FormatResult(null, parsed.Diagnostics) : new FormatResult(Format(parsed.Syntax!), parsed.Diagnostics);
    }

    /// <summary>The canonical text of <paramref name="text"/>, or null when it has syntax errors.</summary>
    public static string? Format(string text) => Format(SourceText.From(text)).Text;

    /// <summary>Prints a program; statements that did not parse are printed as they were written.</summary>
    public static string Format(ProgramSyntax program)
    {
        var sb = new StringBuilder();
        StatementSyntax? previous = null;
        foreach (var statement in program.Statements)
        {
            if (previous is not null && !(Group(previous) is { } g && g == Group(statement))) sb.Append('\n');
            WriteStatement(sb, statement);
            previous = statement;
        }
        if (!program.TrailingComments.IsEmpty)
        {
            if (previous is not null) sb.Append('\n');
            foreach (var comment in program.TrailingComments) sb.Append(comment.Text).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Prints one expression in canonical form.</summary>
    public static string Format(ExpressionSyntax expression) => ExpressionPrinter.Print(expression);

    // Statements of one group follow each other without a blank line.
    private static string? Group(StatementSyntax statement) => statement switch
    {
        ParameterStatementSyntax => "parameter",
        OutputStatementSyntax { Pipeline.Steps.IsEmpty: true } => "output",
        AssertStatementSyntax => "assert",
        SourceStatementSyntax s when s.Schema is null || SchemaFitsOnOneLine(s) => "source",
        _ => null,
    };

    private static void WriteStatement(StringBuilder sb, StatementSyntax statement)
    {
        WriteLeading(sb, statement.LeadingComments, "");
        switch (statement)
        {
            case WorkflowStatementSyntax w:
                sb.Append("workflow ").Append(Text(w.Title));
                break;
            case ParameterStatementSyntax p:
                sb.Append(p.IsPublic ? "param " : "const ").Append(ExpressionPrinter.Name(p.Name.Name));
                if (p.Type is not null) sb.Append(": ").Append(p.Type.Text);
                sb.Append(" = ");
                ExpressionPrinter.Write(sb, p.Default);
                break;
            case SourceStatementSyntax s:
                sb.Append("source ").Append(ExpressionPrinter.Name(s.Name.Name)).Append(" = table ").Append(Text(s.Table.Text));
                if (s.Schema is { } schema) WriteSchema(sb, schema, "", SchemaFitsOnOneLine(s));
                break;
            case ValuesStatementSyntax v:
                sb.Append("source ").Append(ExpressionPrinter.Name(v.Name.Name)).Append(" = values");
                WriteSchema(sb, v.Schema, "", v.Schema.All(c => c.LeadingComments.IsEmpty && c.TrailingComments.IsEmpty) &&
                    $"source {v.Name.Name} = values {{ {string.Join(", ", v.Schema.Select(Column))} }} [".Length <= LineWidth);
                WriteValuesRows(sb, v.Rows);
                break;
            case ImportStatementSyntax i:
                var head = $"source {ExpressionPrinter.Name(i.Name.Name)} = import {Text(i.Url.Text)}" + (i.Options.IsEmpty ? ""
                    : " { " + string.Join(", ", i.Options.Select(o => $"{ExpressionPrinter.Name(o.Name.Name)}: {ExpressionPrinter.Print(o.Value)}")) + " }");
                sb.Append(head);
                if (i.Schema is { } returned)
                {
                    sb.Append(" returns");
                    WriteSchema(sb, returned, "", returned.All(c => c.LeadingComments.IsEmpty && c.TrailingComments.IsEmpty) &&
                        $"{head} returns {{ {string.Join(", ", returned.Select(Column))} }}".Length <= LineWidth);
                }
                break;
            case LetStatementSyntax l:
                sb.Append("let ").Append(string.Join(", ", l.Names.Select(n => ExpressionPrinter.Name(n.Name)))).Append(" = ");
                WritePipeline(sb, l.Pipeline);
                break;
            case ComponentStatementSyntax c:
                sb.Append("let ").Append(ExpressionPrinter.Name(c.Name.Name)).Append(" = component ").Append(Text(c.Component))
                    .Append(" (").Append(string.Join(", ", c.Inputs.Select(i => ExpressionPrinter.Name(i.Name)))).Append(')');
                if (!c.Properties.IsEmpty)
                    sb.Append(" { ").Append(string.Join(", ", c.Properties.Select(p => $"{ExpressionPrinter.Name(p.Name.Name)}: {Text(p.Value)}"))).Append(" }");
                break;
            case OutputStatementSyntax o:
                sb.Append("output ");
                WritePipeline(sb, o.Pipeline);
                if (!o.Pipeline.Steps.IsEmpty) sb.Append('\n').Append(StepIndent);
                else sb.Append(' ');
                sb.Append("-> table ").Append(Text(o.Table.Text)).Append(" mode ").Append(o.Mode == WriteMode.Append ? "append" : "replace");
                break;
            case AssertStatementSyntax a:
                sb.Append("assert ").Append(a.Relation is { } r ? ExpressionPrinter.Name(r.Name) : "table " + Text(a.Table!.Text))
                    .Append(' ').Append(a.Check.Text());
                break;
            case ErroneousStatementSyntax e:
                sb.Append(e.Text);
                break;
            default:
                throw new InvalidOperationException($"Unexpected statement {statement.GetType().Name}.");
        }
        WriteTrailing(sb, statement.TrailingComments);
        sb.Append('\n');
    }

    private static void WritePipeline(StringBuilder sb, PipelineSyntax pipeline)
    {
        sb.Append(ExpressionPrinter.Name(pipeline.Input.Name));
        foreach (var step in pipeline.Steps)
        {
            sb.Append('\n');
            WriteLeading(sb, step.LeadingComments, StepIndent);
            sb.Append(StepIndent).Append("| ");
            WriteStep(sb, step);
            WriteTrailing(sb, step.TrailingComments);
        }
    }

    private static void WriteStep(StringBuilder sb, StepSyntax step)
    {
        switch (step)
        {
            case FilterStepSyntax f:
                sb.Append("filter ");
                ExpressionPrinter.Write(sb, f.Predicate);
                break;
            case SplitStepSyntax s:
                sb.Append("split ");
                ExpressionPrinter.Write(sb, s.Predicate);
                break;
            case SelectStepSyntax s:
                sb.Append("select ").Append(string.Join(", ", s.Items.Select(SelectItem)));
                break;
            case DeriveStepSyntax d:
                sb.Append("derive ").Append(string.Join(", ", d.Columns.Select(c => $"{ExpressionPrinter.Name(c.Name.Name)} = {ExpressionPrinter.Print(c.Expression)}")));
                break;
            case RenameStepSyntax r:
                sb.Append("rename ").Append(string.Join(", ", r.Renamings.Select(x => $"{ExpressionPrinter.Name(x.Column)} to {ExpressionPrinter.Name(x.NewName.Name)}")));
                break;
            case DropStepSyntax d:
                sb.Append("drop ").Append(string.Join(", ", d.Columns.Select(ExpressionPrinter.Name)));
                break;
            case SortStepSyntax s:
                sb.Append("sort ").Append(string.Join(", ", s.Keys.Select(k => ExpressionPrinter.Print(k.Expression) + (k.Descending ? " desc" : ""))));
                break;
            case TakeStepSyntax t:
                sb.Append("take ");
                ExpressionPrinter.Write(sb, t.Count);
                break;
            case DistinctStepSyntax:
                sb.Append("distinct");
                break;
            case TakePerStepSyntax t:
                sb.Append("take ");
                ExpressionPrinter.Write(sb, t.Count);
                sb.Append(" per ").Append(string.Join(", ", t.Keys.Select(ExpressionPrinter.Print)))
                    .Append(" by ").Append(ExpressionPrinter.WindowKeys(t.Order));
                break;
            case DistinctOnStepSyntax d:
                sb.Append("distinct on (").Append(string.Join(", ", d.Keys.Select(ExpressionPrinter.Print))).Append(')');
                if (!d.Order.IsEmpty) sb.Append(" by ").Append(ExpressionPrinter.WindowKeys(d.Order));
                break;
            case GroupStepSyntax g:
                sb.Append("group by ").Append(string.Join(", ", g.Keys.Select(k =>
                    k.Name is null ? ExpressionPrinter.Print(k.Expression) : $"{ExpressionPrinter.Name(k.Name.Name)} = {ExpressionPrinter.Print(k.Expression)}")));
                WriteAggregates(sb, g.Aggregates);
                break;
            case SummarizeStepSyntax s:
                sb.Append("summarize");
                WriteAggregates(sb, s.Aggregates);
                break;
            case JoinStepSyntax j:
                sb.Append(j.Kind switch { JoinKind.Left => "left join ", JoinKind.Right => "right join ", JoinKind.Full => "full join ", _ => "join " })
                    .Append(ExpressionPrinter.Name(j.Other.Name)).Append(" on ");
                ExpressionPrinter.Write(sb, j.Condition);
                break;
            case SpatialJoinStepSyntax j:
                sb.Append(j.Kind switch { JoinKind.Left => "left spatial_join ", JoinKind.Right => "right spatial_join ", JoinKind.Full => "full spatial_join ", _ => "spatial_join " })
                    .Append(ExpressionPrinter.Name(j.Other.Name)).Append(" on ");
                ExpressionPrinter.Write(sb, j.Condition);
                break;
            case SpatialFilterStepSyntax f:
                sb.Append("spatial_filter ").Append(ExpressionPrinter.Name(f.Other.Name)).Append(" on ");
                ExpressionPrinter.Write(sb, f.Condition);
                break;
            case NearestStepSyntax n:
                sb.Append("nearest ");
                ExpressionPrinter.Write(sb, n.Count);
                sb.Append(" from ").Append(ExpressionPrinter.Name(n.Other.Name));
                if (n.Geography is not null && n.OtherGeography is not null)
                    sb.Append(" on ").Append(ExpressionPrinter.Name(n.Geography)).Append(", ").Append(ExpressionPrinter.Name(n.OtherGeography));
                if (n.Within is not null)
                {
                    sb.Append(" within ");
                    ExpressionPrinter.Write(sb, n.Within);
                    if (n.Unit is not null) sb.Append(' ').Append(n.Unit);
                }
                Alias(sb, n.Alias);
                break;
            case UnionStepSyntax u:
                sb.Append(u.ByName ? "union by name " : "union ").Append(string.Join(", ", u.Others.Select(o => ExpressionPrinter.Name(o.Name))));
                break;
            case BufferStepSyntax b:
                sb.Append("buffer ").Append(ExpressionPrinter.Name(b.Geography)).Append(" by ");
                ExpressionPrinter.Write(sb, b.Distance);
                if (b.Unit is not null) sb.Append(' ').Append(b.Unit);
                Alias(sb, b.Alias);
                break;
            case CentroidStepSyntax c:
                sb.Append("centroid ").Append(ExpressionPrinter.Name(c.Geography));
                Alias(sb, c.Alias);
                break;
            case AreaStepSyntax a:
                sb.Append("area ").Append(ExpressionPrinter.Name(a.Geography));
                if (a.Unit is not null) sb.Append(" in ").Append(a.Unit);
                Alias(sb, a.Alias);
                break;
            case DistanceStepSyntax d:
                sb.Append("distance ").Append(ExpressionPrinter.Name(d.From)).Append(", ").Append(ExpressionPrinter.Name(d.To));
                if (d.Unit is not null) sb.Append(" in ").Append(d.Unit);
                Alias(sb, d.Alias);
                break;
            case PointStepSyntax p:
                sb.Append("point lat = ").Append(ExpressionPrinter.Name(p.Latitude)).Append(", lon = ").Append(ExpressionPrinter.Name(p.Longitude));
                Alias(sb, p.Alias);
                break;
            case H3StepSyntax h:
                sb.Append("h3 ").Append(ExpressionPrinter.Name(h.Point)).Append(" resolution ");
                ExpressionPrinter.Write(sb, h.Resolution);
                Alias(sb, h.Alias);
                break;
            case H3BoundaryStepSyntax h:
                sb.Append("h3_boundary ").Append(ExpressionPrinter.Name(h.Cell));
                Alias(sb, h.Alias);
                break;
            case SqlStepSyntax s:
                WriteRawSql(sb, "sql ", s.Inputs, s.Sql, s.Schema);
                break;
            case CallStepSyntax c:
                WriteRawSql(sb, "call ", c.Inputs, c.Statement, c.Schema);
                break;
            case GenericStepSyntax g:
                sb.Append(g.Keyword);
                if (!g.Arguments.IsEmpty) sb.Append(' ').Append(string.Join(", ", g.Arguments.Select(ExpressionPrinter.Print)));
                if (!g.Options.IsEmpty)
                    sb.Append(" { ").Append(string.Join(", ", g.Options.Select(o => $"{ExpressionPrinter.Name(o.Name.Name)}: {ExpressionPrinter.Print(o.Value)}"))).Append(" }");
                Alias(sb, g.Alias);
                break;
            default:
                throw new InvalidOperationException($"Unexpected step {step.GetType().Name}.");
        }
    }

    private static string SelectItem(SelectItemSyntax item) =>
        ExpressionPrinter.Print(item.Expression) + (item.Alias is null ? "" : " as " + ExpressionPrinter.Name(item.Alias.Name));

    /// <summary>The sql and call steps: the keyword, the other inputs, the text, the declared result.</summary>
    private static void WriteRawSql(StringBuilder sb, string keyword, Seq<IdentifierSyntax> inputs, string sql, Seq<ColumnDeclarationSyntax>? declared)
    {
        sb.Append(keyword);
        if (!inputs.IsEmpty) sb.Append("with ").Append(string.Join(", ", inputs.Select(i => ExpressionPrinter.Name(i.Name)))).Append(' ');
        sb.Append(Text(sql));
        if (declared is { } schema)
        {
            sb.Append(" returns");
            WriteSchema(sb, schema, StepIndent, OneLine(schema.Select(Column)) && schema.All(c => c.LeadingComments.IsEmpty && c.TrailingComments.IsEmpty));
        }
    }

    private static void Alias(StringBuilder sb, IdentifierSyntax? alias)
    {
        if (alias is not null) sb.Append(" as ").Append(ExpressionPrinter.Name(alias.Name));
    }

    private static void WriteAggregates(StringBuilder sb, Seq<AggregateItemSyntax> aggregates)
    {
        var items = aggregates.Select(a => (a.Name is null ? "" : ExpressionPrinter.Name(a.Name.Name) + ": ") + ExpressionPrinter.Print(a.Expression)).ToList();
        if (items.Count == 0)
        {
            sb.Append(" {}");
            return;
        }
        if (OneLine(items) && CurrentLineLength(sb) + 6 + items.Sum(i => i.Length + 2) <= LineWidth)
        {
            sb.Append(" { ").Append(string.Join(", ", items)).Append(" }");
            return;
        }
        sb.Append(" {");
        foreach (var item in items) sb.Append('\n').Append(StepIndent).Append("    ").Append(item).Append(',');
        sb.Append('\n').Append(StepIndent).Append("  }");
    }

    // One row per line, each ended by a comma, so that adding a row changes one line.
    private static void WriteValuesRows(StringBuilder sb, Seq<ValuesRowSyntax> rows)
    {
        sb.Append(" [");
        foreach (var row in rows)
        {
            sb.Append('\n').Append(StepIndent).Append('(');
            for (int i = 0; i < row.Values.Count; i++)
            {
                if (i > 0) sb.Append(", ");
                ExpressionPrinter.Write(sb, row.Values[i]);
            }
            sb.Append("),");
        }
        if (!rows.IsEmpty) sb.Append('\n');
        sb.Append(']');
    }

    private static bool SchemaFitsOnOneLine(SourceStatementSyntax s) =>
        s.Schema is { } schema && schema.All(c => c.LeadingComments.IsEmpty && c.TrailingComments.IsEmpty) &&
        $"source {s.Name.Name} = table {Text(s.Table.Text)} {{ {string.Join(", ", schema.Select(Column))} }}".Length <= LineWidth;

    private static bool OneLine(IEnumerable<string> items) => items.All(i => !i.Contains('\n'));

    private static string Column(ColumnDeclarationSyntax c) =>
        $"{ExpressionPrinter.Name(c.Name.Name)}: {c.Type.Text}{(c.NotNull ? " not null" : "")}";

    private static void WriteSchema(StringBuilder sb, Seq<ColumnDeclarationSyntax> schema, string indent, bool oneLine)
    {
        if (schema.IsEmpty)
        {
            sb.Append(" {}");
            return;
        }
        if (oneLine)
        {
            sb.Append(" { ").Append(string.Join(", ", schema.Select(Column))).Append(" }");
            return;
        }
        sb.Append(" {");
        foreach (var column in schema)
        {
            sb.Append('\n');
            WriteLeading(sb, column.LeadingComments, indent + "  ");
            sb.Append(indent).Append("  ").Append(Column(column)).Append(',');
            WriteTrailing(sb, column.TrailingComments);
        }
        sb.Append('\n').Append(indent).Append('}');
    }

    private static void WriteLeading(StringBuilder sb, Seq<CommentSyntax> comments, string indent)
    {
        foreach (var comment in comments) sb.Append(indent).Append(comment.Text).Append('\n');
    }

    private static void WriteTrailing(StringBuilder sb, Seq<CommentSyntax> comments)
    {
        foreach (var comment in comments) sb.Append("  ").Append(comment.Text);
    }

    private static int CurrentLineLength(StringBuilder sb)
    {
        int i = sb.Length - 1;
        while (i >= 0 && sb[i] != '\n') i--;
        return sb.Length - 1 - i;
    }

    /// <summary>A statement-level string: "..." (a quote doubled), or """...""" when it spans lines.</summary>
    public static string Text(string value) =>
        value.Contains('\n') || value.Contains('\r')
            ? "\"\"\"" + value + "\"\"\""
            : "\"" + value.Replace("\"", "\"\"") + "\"";
}
