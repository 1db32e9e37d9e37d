using System.Text;
using Cwf.Benchmarks.Pipeline;
using Cwf.Benchmarks.Shapes;
using Cwf.Catalog;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Text;

namespace Cwf.Tests.Optimization;

/// <summary>
/// The optimizer never makes its output quadratically larger than its input: every generated
/// shape (<see cref="WorkflowShapes.Names"/>: chains, a redefined column, wide unions, fan-out of
/// one shared step, nested joins, many filters on one column) at two sizes must give the same SQL
/// bytes per step (within 20%), no more than the unoptimized SQL, and no expression may outgrow
/// <see cref="SubstitutionBound"/>; the .cwf programs of the same shapes are checked from text.
/// Sizes are asserted, never times. 300 steps are past the first boundary of the redefined column
/// (about fifty redefinitions, 150 steps), so both sizes measure the steady state.
/// </summary>
public class OutputSizeBoundTests
{
    private static readonly Dialect Postgres = Dialects.Find("postgres")!;

    public static TheoryData<string> Shapes => [.. WorkflowShapes.Names];

    private static Workflow Shape(string name, int steps) => WorkflowShapes.ByName(name, steps);

    private static int SqlBytes(Workflow workflow, bool optimize)
    {
        var result = Compiler.Compile(workflow, new CompileOptions(Postgres) { Optimize = optimize });
        Assert.NotNull(result.Sql);
        return Encoding.UTF8.GetByteCount(result.Sql);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sql_bytes_per_step_stay_constant_as_the_chain_doubles(string shape)
    {
        // Per step beyond the script of a one-step workflow (header, scan and output statements).
        int fixedPart = SqlBytes(Shape(shape, 3), optimize: true);
        double small = (SqlBytes(Shape(shape, 300), optimize: true) - fixedPart) / 297.0;
        double large = (SqlBytes(Shape(shape, 600), optimize: true) - fixedPart) / 597.0;
        Assert.True(large <= 1.2 * small && large >= 0.8 * small, $"{shape}: {small:F0} bytes a step at 300 steps, {large:F0} at 600");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sql_bytes_per_step_of_the_cwf_program_stay_constant_as_it_doubles(string shape)
    {
        int fixedPart = ProgramSqlBytes(shape, 3);
        double small = (ProgramSqlBytes(shape, 300) - fixedPart) / 297.0;
        double large = (ProgramSqlBytes(shape, 600) - fixedPart) / 597.0;
        Assert.True(large <= 1.2 * small && large >= 0.8 * small, $"{shape}.cwf: {small:F0} bytes a step at 300 steps, {large:F0} at 600");
    }

    private static int ProgramSqlBytes(string shape, int steps)
    {
        var front = FrontEnd.Load(SourceText.From(CwfPrograms.ByName(shape, steps), $"{shape}.cwf"), SchemaCatalog.Empty);
        Assert.NotNull(front.Workflow);
        return SqlBytes(front.Workflow, optimize: true);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Optimized_sql_is_no_larger_than_the_unoptimized(string shape)
    {
        var workflow = Shape(shape, 600);
        int optimized = SqlBytes(workflow, optimize: true);
        int plain = SqlBytes(workflow, optimize: false);
        Assert.True(optimized <= plain, $"{shape}: {optimized} bytes optimized, {plain} without optimization");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void No_expression_outgrows_the_substitution_bound(string shape)
    {
        var workflow = Shape(shape, 400);
        var result = PassManager.Optimize(workflow, new OptimizerOptions { Target = Fixtures.PostgisLike });
        Assert.True(result.ReachedFixedPoint);
        Assert.InRange(LargestExpression(result.Optimized), 1, Math.Max(SubstitutionBound.MaxNodes, LargestExpression(workflow)));
    }

    [Fact]
    public void The_redefined_column_chain_still_pushes_filters_and_merges_projections_within_the_bound()
    {
        var workflow = WorkflowShapes.RedefinedColumnChain(400);
        var optimized = PassManager.Optimize(workflow, new OptimizerOptions { Target = Fixtures.PostgisLike }).Optimized;
        // The bound leaves room for many steps per boundary: far fewer steps remain, but more than one of each.
        int before = workflow.Nodes.Length, after = optimized.Nodes.Length;
        Assert.InRange(after, 4, before / 5);
        Assert.InRange(optimized.Nodes.OfType<FilterNode>().Count(), 2, before / 10);
    }

    /// <summary>
    /// The node count of the largest expression a workflow evaluates, counting each conjunct of an
    /// AND chain on its own (merged filters and join conditions add conjuncts, which is linear).
    /// </summary>
    internal static int LargestExpression(Workflow workflow) =>
        workflow.Nodes.SelectMany(n => n.Expressions).SelectMany(Predicates.Conjuncts)
            .Select(e => e.DescendantsAndSelf().Count()).DefaultIfEmpty(0).Max();
}
