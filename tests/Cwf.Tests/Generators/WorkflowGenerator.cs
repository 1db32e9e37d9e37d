// Generators for property tests (CsCheck 5). The API other test helpers use:
//
//   Gen<GeneratedCase> WorkflowGenerator.Cases(GeneratorOptions? options = null)
//       A random well-typed workflow (always valid per IrValidator) over every IR operator and
//       a spread of expressions and functions, built with WorkflowBuilder, together with input
//       data for every table it scans. case.Workflow, case.Inputs (a Database for
//       Interpreter.Run); case.ToString() prints the IR (IrPrinter, with schemas) and the data.
//   Gen<Table> WorkflowGenerator.Tables(Schema schema, GeneratorOptions? options = null)
//   Gen<Expr> WorkflowGenerator.Expressions(Schema schema, SqlType type, GeneratorOptions? options = null)
//
// GeneratorOptions restricts what is generated: presets Everything (interpreter only: run-time
// errors and extreme data included), PostgreSql (no H3), NonSpatial (no geography); and with
// { MaxSteps, MaxRows, Operators, Types, ExcludedFunctions, AllowRuntimeErrors, ExtremeValues,
// NonFiniteFloats, UnicodeStrings, OrderDependentResults }. By default a generated workflow
// runs without run-time errors and its results do not depend on row order, so it can be
// compared with a warehouse's result as a multiset of rows.
//
// Example (a cross-engine property):
//   WorkflowGenerator.Cases(GeneratorOptions.PostgreSql with { MaxSteps = 4 })
//       .Check(c => Compare(Interpreter.Run(c.Workflow, c.Inputs), RunOnPostgres(c)), iterations: 200, print: c => c.ToString());
//
// Shrinking: a case's CsCheck Size grows with its steps, expression nodes and rows, so a failing
// property is reported with the smallest failing workflow that Property.Check finds.
using System.Text;
using CsCheck;
using Cwf.Interpretation;
using Cwf.Ir;

namespace Cwf.Tests.Generators;

/// <summary>A generated workflow and the input tables it scans.</summary>
public sealed record GeneratedCase(Workflow Workflow, Database Inputs)
{
    public override string ToString()
    {
        var sb = new StringBuilder(IrPrinter.Print(Workflow, withSchemas: true));
        foreach (var (name, table) in Inputs.Tables)
            sb.Append("\ntable ").Append(name).Append(" (").Append(table.Count).Append(" rows)\n").Append(table.Format());
        return sb.ToString();
    }
}

public static class WorkflowGenerator
{
    public static Gen<GeneratedCase> Cases(GeneratorOptions? options = null) => new CaseGen(options ?? new GeneratorOptions());

    public static Gen<Table> Tables(Schema schema, GeneratorOptions? options = null) => new TableGen(schema, options ?? new GeneratorOptions());

    public static Gen<Expr> Expressions(Schema schema, SqlType type, GeneratorOptions? options = null) => new ExprGen(schema, type, options ?? new GeneratorOptions());

    private sealed class CaseGen(GeneratorOptions options) : Gen<GeneratedCase>
    {
        public override GeneratedCase Generate(PCG pcg, Size? min, out Size size)
        {
            var builder = new CaseBuilder(new Rng(pcg), options);
            var result = builder.Build();
            int rows = result.Inputs.Tables.Sum(t => t.Table.Count);
            size = new Size((ulong)result.Workflow.Nodes.Length * 1_000_000UL + (ulong)builder.ExpressionNodes * 1_000UL + (ulong)rows);
            return result;
        }
    }

    private sealed class TableGen(Schema schema, GeneratorOptions options) : Gen<Table>
    {
        public override Table Generate(PCG pcg, Size? min, out Size size)
        {
            var table = new DataGenerator(new Rng(pcg), options).Table(schema);
            size = new Size((ulong)table.Count);
            return table;
        }
    }

    private sealed class ExprGen(Schema schema, SqlType type, GeneratorOptions options) : Gen<Expr>
    {
        public override Expr Generate(PCG pcg, Size? min, out Size size)
        {
            var rng = new Rng(pcg);
            var generator = new ExprGenerator(rng, options, new DataGenerator(rng, options));
            var expr = generator.Make(type, [.. schema.Columns.Select(c => ExprFactory.Column(c))], options.MaxExpressionDepth);
            size = new Size((ulong)generator.Nodes);
            return expr;
        }
    }
}
