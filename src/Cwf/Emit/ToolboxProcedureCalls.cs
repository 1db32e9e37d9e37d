using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// The steps that call a CARTO Analytics Toolbox procedure (<see cref="ToolboxCall"/>, issue 17): checked
/// before anything is written (the warehouse's toolbox must have the procedure, and a single query cannot call
/// one), then written as <c>CALL toolbox.PROCEDURE(...)</c> whose output table the following steps read. The
/// input reaches the procedure as the text of its query and every value as a literal, through the dialect's
/// string and identifier quoting.
/// </summary>
internal static class ToolboxProcedureCalls
{
    /// <summary>Reports each needed call the target cannot make: CWF6002 naming the warehouse, CWF6003 in query mode.</summary>
    public static void Check(EmitGraph graph, EmitContext context)
    {
        var dialect = context.Dialect;
        foreach (var id in graph.Needed)
        {
            if (context.Workflow[id] is OpaqueNode { Statement: not null } procedure)
            {
                CheckUserCall(procedure, context);
                continue;
            }
            if (context.Workflow[id] is not OpaqueNode { Call: { } call } step) continue;
            var where = string.Join(", ", call.Signatures.Select(s => Dialects.Find(s.Warehouse)?.DisplayName ?? s.Warehouse));
            if (call.For(dialect.Name) is not { } signature || dialect.DefaultToolbox is null)
                context.Report(DiagnosticCodes.FunctionNotSupported, step,
                    $"{dialect.DisplayName} cannot run step '{step.Name}' ({step.Component}): cwf calls the CARTO Analytics Toolbox's {call.Procedure} procedure only on {where}",
                    $"compile the workflow for {where} ({call.Reference}){(call.Alternative is { } alternative ? "; " + alternative : "")}");
            else if (signature.Arguments.FirstOrDefault(a => Write(a, dialect, "", "", CartoCredentials.None) is null) is { } unwritten)
                context.Report(DiagnosticCodes.FunctionNotSupported, step,
                    $"{dialect.DisplayName} cannot run step '{step.Name}' ({step.Component}): cwf does not write {call.Procedure}'s {What(unwritten)} in {dialect.DisplayName}'s syntax",
                    $"compile the workflow for {where} ({call.Reference})");
            else if (context.Options.Mode == EmitMode.Query)
                context.Report(DiagnosticCodes.EmitModeNotSupported, step,
                    $"Step '{step.Name}' ({step.Component}) calls the toolbox procedure {call.Procedure}, which a single query cannot do.",
                    "emit a script or a procedure instead");
            else if (signature.Arguments.Any(a => a is ToolboxArgument.Credential) && context.Options.Carto.Problem() is var (problem, hint))
                context.Report(DiagnosticCodes.CartoCredentials, step, $"Step '{step.Name}' ({step.Component}) cannot call {call.Procedure}: {problem}", hint);
            else if (signature.Arguments.Any(a => a is ToolboxArgument.Connection) && context.Options.Carto.ConnectionProblem() is var (connection, fix))
                context.Report(DiagnosticCodes.CartoConnection, step, $"Step '{step.Name}' ({step.Component}) cannot call {call.Procedure}: {connection}", fix);
        }
    }

    /// <summary>A user's CALL statement needs stored procedures (CWF6002 where the warehouse has none) and a script (CWF6003).</summary>
    private static void CheckUserCall(OpaqueNode step, EmitContext context)
    {
        var dialect = context.Dialect;
        if (!dialect.Capabilities.StoredProcedures)
            context.Report(DiagnosticCodes.FunctionNotSupported, step,
                $"{dialect.DisplayName} cannot run step '{step.Name}' ({step.Component}): it has no stored procedures to CALL",
                $"compile the workflow for {string.Join(", ", Dialects.All.Where(d => d.Capabilities.StoredProcedures).Select(d => d.DisplayName))}");
        else if (context.Options.Mode == EmitMode.Query)
            context.Report(DiagnosticCodes.EmitModeNotSupported, step,
                $"Step '{step.Name}' ({step.Component}) calls a procedure, which a single query cannot do.",
                "emit a script or a procedure instead");
    }

    /// <summary>
    /// A user's CALL statement as written, <c>$a</c>, <c>$b</c> replaced by the tables that hold the inputs and
    /// <c>$output</c> by the table the procedure creates, each written by the dialect's quoting (a quoted
    /// placeholder, <c>'$a'</c>, as a string literal of the quoted name: what a procedure splices into its SQL).
    /// </summary>
    public static SqlBlock UserCall(OpaqueNode step, string statement, string table, EmitContext context, Relations relations)
    {
        var dialect = context.Dialect;
        var text = CustomSql.SubstituteCall(statement, step.Sources.Count, i => relations.Relation(step.Sources[i]), table,
            name => dialect.Literal(name, SqlType.String).Text, dialect.LexicalRules);
        return SqlBlock.FromText(text, dialect.LexicalRules);
    }

    /// <summary>The name of the table the procedure writes: next to the workflow's first output table, named after the step.</summary>
    public static TableName WorkTable(IEnumerable<TableName> outputs, string name)
    {
        var first = outputs.FirstOrDefault();
        return first is null || first.Parts.Count < 2 ? new TableName([name]) : new TableName(first.Parts.Items.SetItem(first.Parts.Count - 1, name));
    }

    private static string What(ToolboxArgument argument) => argument switch
    {
        ToolboxArgument.Variables => "variables (an array of column and aggregation structs)",
        ToolboxArgument.Record => "options (a record of named values)",
        _ => "output table (an array of text)",
    };

    /// <summary>One argument as SQL, <paramref name="input"/> the query it names (if it names one); null where the dialect does not write it.</summary>
    private static string? Write(ToolboxArgument argument, Dialect dialect, string input, string table, CartoCredentials carto) => argument switch
    {
        ToolboxArgument.InputQuery { Parenthesized: true } => dialect.Literal("(" + input + ")", SqlType.String).Text,
        ToolboxArgument.InputQuery => dialect.Literal(input, SqlType.String).Text,
        ToolboxArgument.OutputTable => dialect.Literal(table, SqlType.String).Text,
        ToolboxArgument.OutputTableArray => dialect.ToolboxTextArray([table]),
        ToolboxArgument.Variables variables => dialect.ToolboxVariables(variables.Items),
        ToolboxArgument.Text text => dialect.Literal(text.Value, SqlType.String).Text,
        ToolboxArgument.Number number => dialect.Literal(number.Value, SqlType.Float64).Text,
        ToolboxArgument.Integer integer => dialect.Literal(integer.Value, SqlType.Int64).Text,
        ToolboxArgument.Boolean boolean => dialect.Literal(boolean.Value, SqlType.Bool).Text,
        ToolboxArgument.Credential { Which: var which } => carto.Value(which) is { } secret ? dialect.Literal(secret, SqlType.String).Text : "NULL",
        ToolboxArgument.Connection => dialect.Literal(carto.Connection ?? dialect.Name, SqlType.String).Text,
        // The fields are plain values, never records or inputs: one level, no recursion on user data.
        ToolboxArgument.Record record => dialect.ToolboxRecord([.. record.Fields.Select(f => (f.Name, Write(f.Value, dialect, input, table, carto)!))]),
        _ => "NULL",
    };

    /// <summary>The statements of one call: the copy of the input it alters (where it alters one), then the CALL.</summary>
    public static IEnumerable<SqlBlock> Statements(OpaqueNode step, ToolboxCall call, string table, EmitContext context, StatementQueries queries)
    {
        var dialect = context.Dialect;
        var signature = call.For(dialect.Name)!;
        var statements = new List<SqlBlock>();
        if (signature.CopiesInput) statements.AddRange(dialect.CreateTableAs(table, queries.For(step.Sources[0], forStorage: false)));
        // The procedures fail on an output table that exists (Redshift's say so): the named table is replaced on every run,
        // as the product's SQL does, and a work table left by a run that stopped midway is dropped before it is written again.
        if (!signature.CopiesInput) statements.Add(dialect.DropTable(table));
        // Check made sure that the dialect writes every argument.
        var arguments = signature.Arguments.Select(argument => Write(argument, dialect,
            argument is ToolboxArgument.InputQuery q ? queries.For(step.Sources[q.Index], forStorage: false).ToString().TrimEnd() : "", table, context.Options.Carto)!).ToList();
        var prefix = context.Toolbox(step, call.Procedure);
        var block = new SqlBlock().Line($"CALL {prefix}.{call.Procedure}(");
        for (int i = 0; i < arguments.Count; i++) block.Line(arguments[i] + (i < arguments.Count - 1 ? "," : ""), 2);
        statements.Add(block.Line(")"));
        return statements;
    }
}
