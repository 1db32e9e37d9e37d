using System.Text;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// The text of each emit mode: a script (header, the dialect's transaction around the statements),
/// a stored procedure whose body holds the script's statements, or one query per output.
/// </summary>
internal sealed class ScriptAssembly(EmitGraph graph, EmitContext context, Relations relations, StatementQueries queries, ProcedureArguments arguments)
{
    private Dialect Dialect => context.Dialect;
    private Workflow Workflow => context.Workflow;

    public string Text() => context.Options.Mode switch
    {
        EmitMode.Query => Queries(),
        EmitMode.Procedure => Procedure(),
        _ => Script(),
    };

    private string Script()
    {
        var statements = ScriptStatements.For(graph, context, relations, queries);
        ReportAtomicity();
        var capabilities = Dialect.Capabilities;
        var header = Header().ToString();
        var (begin, commit) = statements.Count > 0 && capabilities.BeginTransaction is { } start ? (start, capabilities.CommitTransaction ?? "") : (null, null);
        foreach (var statement in statements) statement.Suffix(";");
        // Measured, then written once into a string of that length: the script (11 M characters at 100,000
        // steps) is not written into a builder and copied again.
        var length = new TextLength();
        WriteScript(ref length, header, begin, statements, commit);
        return string.Create(length.Length, (header, begin, statements, commit), static (span, parts) =>
        {
            var text = new SpanText(span);
            WriteScript(ref text, parts.header, parts.begin, parts.statements, parts.commit);
            if (!text.IsFull) throw new InvalidOperationException("The script was not as long as measured.");
        });
    }

    /// <summary>The header, the statements each after a blank line, and the transaction around them where the dialect has one.</summary>
    private static void WriteScript<T>(ref T text, string header, string? begin, List<SqlBlock> statements, string? commit) where T : ISqlText, allows ref struct
    {
        text.Append(header);
        if (begin is not null) Statement(ref text, begin);
        foreach (var statement in statements)
        {
            text.Append('\n');
            statement.WriteTo(ref text);
        }
        if (commit is not null) Statement(ref text, commit);
    }

    private static void Statement<T>(ref T text, string statement) where T : ISqlText, allows ref struct
    {
        text.Append('\n');
        text.Append(statement);
        text.Append(";\n");
    }

    private void ReportAtomicity()
    {
        var capabilities = Dialect.Capabilities;
        if (graph.Outputs.Count == 0) return;
        if (capabilities.BeginTransaction is null && graph.Outputs.Count > 1)
            context.Report(DiagnosticCodes.NonTransactionalScript, null,
                $"{Dialect.DisplayName} commits each statement on its own: if one output fails, the outputs written before it stay written.");
        else if (capabilities.BeginTransaction is not null && !capabilities.TransactionalDdl && graph.Sinks.Any(s => s.Mode == WriteMode.Replace))
            context.Report(DiagnosticCodes.NonTransactionalScript, null,
                $"{Dialect.DisplayName} commits each CREATE TABLE as it runs: the transaction makes only the appends atomic.");
    }

    private string Procedure()
    {
        var body = new SqlBlock();
        foreach (var statement in ScriptStatements.For(graph, context, relations, queries)) body.Append(statement.Suffix(";"));
        var name = ProcedureName();
        if (name is null) return "";
        var sb = Header();
        sb.Append(Dialect.Comment("Run: " + Dialect.ProcedureCall(name, arguments.Arguments) + ";")).Append("\n\n");
        if (Dialect.ProcedureBodyProblem(body.ToString()) is { } problem)
        {
            context.Report(DiagnosticCodes.ProcedureBodyConflict, null, problem, "emit a script instead");
            return "";
        }
        Dialect.Procedure(name, arguments.Arguments, body).Suffix(";").WriteTo(sb);
        return sb.ToString();
    }

    /// <summary>The procedure's name: the one asked for, or <c>cwf_&lt;workflow&gt;</c>; in the first output's schema where the dialect needs one.</summary>
    private string? ProcedureName()
    {
        var text = context.Options.ProcedureName ?? "cwf_" + (RelationNamer.Sanitize(Workflow.Name) is { Length: > 0 } s ? s : "workflow");
        var name = TableName.TryParse(text) ?? new TableName([RelationNamer.Sanitize(text)]);
        if (Dialect.Capabilities.ProcedureNeedsSchema && name.Parts.Count == 1)
        {
            var home = graph.Sinks.Select(s => relations.TableNameOf(s.Id)).FirstOrDefault(t => t.Parts.Count >= 2);
            if (home is null)
            {
                context.Report(DiagnosticCodes.ProcedureNeedsSchema, null,
                    $"A {Dialect.DisplayName} procedure lives in a dataset, and no output names one for '{name}'.",
                    "give the procedure a qualified name (dataset.name)");
                return null;
            }
            name = new TableName(home.Parts.Items.RemoveAt(home.Parts.Count - 1).Add(name.Table));
        }
        return Dialect.TableName(name);
    }

    private string Queries()
    {
        var sb = Header();
        foreach (var output in graph.Outputs)
        {
            var label = output.Sink is { } sink ? $"output {relations.TableNameOf(sink.Id)}" : $"step '{Workflow[output.Source].Name}'";
            sb.Append('\n').Append(Dialect.Comment(label)).Append('\n');
            queries.For(output.Source, forStorage: false).Suffix(";").WriteTo(sb);
        }
        // A preview runs no checks: it shows each check's measure.
        foreach (var check in graph.Checks)
        {
            var accepts = check.Low == check.High ? $"{check.Low}" : $"{check.Low} to {check.High}";
            sb.Append('\n').Append(Dialect.Comment($"check {check.Check}: the measure (passes when {accepts})")).Append('\n');
            queries.For(check.Input, forStorage: false).Suffix(";").WriteTo(sb);
        }
        return sb.ToString();
    }

    /// <summary>What compiled the script, for which warehouse and mode, and the extensions it needs.</summary>
    private StringBuilder Header()
    {
        var sb = new StringBuilder();
        sb.Append(Dialect.Comment($"Workflow '{Workflow.Name}' compiled by cwf for {Dialect.DisplayName} ({context.Options.Mode.ToString().ToLowerInvariant()}).")).Append('\n');
        foreach (var note in context.ScriptNotes)
            sb.Append(Dialect.Comment("Needs " + (note.Message.StartsWith("needs ", StringComparison.Ordinal) ? note.Message[6..] : note.Message) + (note.Hint is null ? "" : ": " + note.Hint)))
              .Append('\n');
        return sb;
    }
}
