using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Interpretation;
using Cwf.Ir;

namespace Cwf.Tests.Interpretation;

/// <summary>Small builders for interpreter tests: schemas, tables, one-expression runs.</summary>
internal static class Harness
{
    public static readonly TableName Source = TableName.TryParse("src")!;
    public static readonly TableName Output = TableName.TryParse("out")!;

    public static Schema Schema(params (string Name, SqlType Type)[] columns) =>
        new(columns.Select(c => new Column(c.Name, c.Type)).ToSeq());

    public static Table Table(Schema schema, params object?[][] rows) => new(schema, rows);

    public static ColumnRef Col(Schema schema, string name, int input = 0) => ExprFactory.Column(schema.Find(name)!, input);

    /// <summary>Runs a workflow and returns the result; fails the test on an internal error.</summary>
    public static InterpretationResult Run(Workflow workflow, Database input, InterpreterOptions? options = null)
    {
        Assert.Empty(IrValidator.Validate(workflow));
        var result = Interpreter.Run(workflow, input, options);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.InternalError.Code);
        return result;
    }

    /// <summary>Evaluates one expression over one row (columns of <paramref name="schema"/>); the value, or the first error.</summary>
    public static (object? Value, Diagnostic? Error) Evaluate(Expr expr, Schema? schema = null, object?[]? row = null)
    {
        schema ??= Schema(("dummy", SqlType.Int64));
        row ??= [1L];
        var b = new WorkflowBuilder("eval");
        var scan = b.Scan(Source, schema, "src");
        var project = b.Project(scan.Id, [new NamedExpr("value", expr)], "value");
        b.Sink(project.Id, Output, WriteMode.Replace, "out");
        var result = Run(b.ToWorkflow(), Database.Empty.With(Source, Table(schema, row)));
        var error = result.Diagnostics.FirstOrDefault(d => d.IsError);
        return error is not null ? (null, error) : (result.Outputs.Find(Output)!.Rows[0][0], null);
    }

    public static object? Value(Expr expr, Schema? schema = null, object?[]? row = null)
    {
        var (value, error) = Evaluate(expr, schema, row);
        Assert.Null(error);
        return value;
    }

    public static Diagnostic Error(Expr expr, Schema? schema = null, object?[]? row = null)
    {
        var (_, error) = Evaluate(expr, schema, row);
        Assert.NotNull(error);
        return error!;
    }

    public static InterpreterOptions KeepAll { get; } = new() { KeepNodeResults = true };

    public static object?[] Column(Table table, string name)
    {
        int index = table.Schema.IndexOf(name);
        return [.. table.Rows.Select(r => r[index])];
    }
}
