using CsCheck;
using Cwf.Interpretation.Evaluation;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using SqlValues = Cwf.Interpretation.Evaluation.SqlValues;

namespace Cwf.Tests.Generators;

/// <summary>The generators themselves: coverage of the IR, option restrictions, shrinking sizes.</summary>
public class GeneratorTests
{
    private static List<GeneratedCase> Many(GeneratorOptions options, int count, int seed = 1)
    {
        var pcg = new PCG((uint)seed, 12345UL);
        var gen = WorkflowGenerator.Cases(options);
        return [.. Enumerable.Range(0, count).Select(_ => gen.Generate(pcg, null, out Size _))];
    }

    private static IEnumerable<Expr> AllExpressions(Workflow w) =>
        w.Nodes.SelectMany(n => n.Expressions.Concat(n is AggregateNode a ? a.Aggregates.SelectMany(c => c.Expressions) : []))
            .SelectMany(e => e.DescendantsAndSelf());

    [Fact]
    public void Every_operator_and_most_functions_are_generated()
    {
        // Enough cases that every function of the (growing) table is drawn at least once with the fixed seed.
        var cases = Many(GeneratorOptions.Everything with { MaxSteps = 10 }, 6000);
        var nodeKinds = cases.SelectMany(c => c.Workflow.Nodes).Select(n => n.GetType().Name).ToHashSet();
        foreach (var kind in new[] { "ScanNode", "FilterNode", "ProjectNode", "AggregateNode", "JoinNode", "SemiJoinNode", "UnionAllNode", "SortNode", "LimitNode", "DistinctNode", "NearestNode", "WindowNode", "SinkNode", "CheckNode", "ExplodeNode", "ValuesNode" })
            Assert.Contains(kind, nodeKinds);
        var functions = cases.SelectMany(c => AllExpressions(c.Workflow)).OfType<Call>().Select(c => c.Function).ToHashSet();
        // The clock, generate_uuid and st_generatepoints are never drawn: the interpreter's values and an engine's differ
        // (TimeTests fix the clock and check it; GenerateUuidComponentTests check the UUIDs' form and uniqueness;
        // GeneratePointsComponentTests the points' count and place).
        // st_gridpoints is not drawn either: its size is the extent over the interval, which a random case does not bound
        // (CreateGridComponentTests compare it with PostGIS).
        var missing = Functions.All.Where(f => !functions.Contains(f) && f != Functions.CurrentDate && f != Functions.CurrentTimestamp && f != Functions.GenerateUuid && f != Functions.GeneratePoints && f != Functions.GridPoints).Select(f => f.Name).ToList();
        Assert.True(missing.Count == 0, "never generated: " + string.Join(", ", missing));
        var kinds = cases.SelectMany(c => AllExpressions(c.Workflow)).Select(e => e.GetType().Name).ToHashSet();
        foreach (var kind in new[] { "Binary", "Unary", "IsNull", "InList", "Between", "Like", "Case", "Cast", "Literal", "ColumnRef" })
            Assert.Contains(kind, kinds);
        Assert.Contains(cases, c => c.Workflow.Nodes.OfType<JoinNode>().Any(j => j.Kind == JoinKind.Full));
        Assert.Contains(cases, c => c.Workflow.Nodes.OfType<SemiJoinNode>().Any(j => j.Anti));
        Assert.Contains(cases, c => c.Workflow.Sinks.Any(s => s.Mode == WriteMode.Append));
        var windows = cases.SelectMany(c => c.Workflow.Nodes.OfType<WindowNode>()).SelectMany(w => w.Calls).ToList();
        // The clusterings' ids are labels each engine numbers its own way (compared as partitions in CountryPolygonTests), so rows cannot be compared.
        Assert.Equal(Enum.GetValues<WindowFunction>().Where(f => !f.IsClustering()).ToHashSet(), windows.Select(w => w.Function).ToHashSet());
        Assert.Contains(windows, w => w.Frame is not null);
        Assert.Contains(windows, w => w.OrderBy.Any(k => k.NullsFirst) && w.OrderBy.Any(k => !k.NullsFirst));
        Assert.Contains(cases, c => c.Workflow.Nodes.OfType<FilterNode>().Any(f => c.Workflow[f.Input] is WindowNode));
        // The sample and normalize components' lowering (their windows are named after the step).
        Assert.Contains(cases, c => c.Workflow.Nodes.OfType<WindowNode>().Any(w => w.Name.EndsWith("_ordered", StringComparison.Ordinal)));
        Assert.Contains(cases, c => c.Workflow.Nodes.OfType<WindowNode>().Any(w => w.Name.EndsWith("_range", StringComparison.Ordinal)));
        // cross_join, union by name and take n per through their lowering; every kind of data check.
        Assert.Contains(cases, c => c.Workflow.Nodes.OfType<JoinNode>().Any(j => j.Name.StartsWith("crossjoin", StringComparison.Ordinal) && j.Condition == Predicates.True));
        Assert.Contains(cases, c => c.Workflow.Nodes.OfType<UnionAllNode>().Any(u => u.Name.StartsWith("unionbyname", StringComparison.Ordinal)
            && u.Inputs.Any(i => c.Workflow[i] is ProjectNode p && p.Name.StartsWith("unionbyname", StringComparison.Ordinal))));
        Assert.Contains(cases, c => c.Workflow.Nodes.OfType<WindowNode>().Any(w => w.Name.StartsWith("takeper", StringComparison.Ordinal)));
        var checks = cases.SelectMany(c => c.Workflow.Nodes.OfType<CheckNode>()).Select(k => k.Check).ToList();
        foreach (var kind in new[] { ".rows between", ".not_null(", ".expression", ".unique(" })
            Assert.Contains(checks, k => k.Contains(kind, StringComparison.Ordinal));
        var aggregates = cases.SelectMany(c => c.Workflow.Nodes.OfType<AggregateNode>()).SelectMany(a => a.Aggregates).Select(a => a.Function).ToHashSet();
        Assert.Equal(Enum.GetValues<AggregateFunction>().ToHashSet(), aggregates);
        // Every kind of explode: the parts, the tessellations and each H3 and Quadbin cell set.
        var explodes = cases.SelectMany(c => c.Workflow.Nodes.OfType<ExplodeNode>()).ToList();
        var unexploded = Enum.GetValues<ExplodeKind>().Except(explodes.Select(e => e.Kind)).ToList();
        Assert.True(unexploded.Count == 0, "never exploded: " + string.Join(", ", unexploded));
        Assert.Contains(explodes, e => e.DistanceColumn is not null);
    }

    [Fact]
    public void Data_covers_nulls_duplicates_empty_tables_and_every_geometry_kind()
    {
        var tables = Many(GeneratorOptions.Everything with { NonFiniteFloats = true }, 300).SelectMany(c => c.Inputs.Tables.Select(t => t.Table)).ToList();
        Assert.Contains(tables, t => t.Count == 0);
        Assert.Contains(tables, t => t.Rows.Any(r => r.Any(v => v is null)));
        Assert.Contains(tables, t => t.Rows.Select(r => string.Join("|", r.Select(v => v is null ? "NULL" : SqlValues.ToText(v)))).GroupBy(x => x).Any(g => g.Count() > 1));
        var values = tables.SelectMany(t => t.Rows.SelectMany(r => r)).OfType<object>().ToList();
        var geometryKinds = values.OfType<NetTopologySuite.Geometries.Geometry>().Select(g => g.IsEmpty ? "empty" : g.GeometryType).ToHashSet();
        foreach (var kind in new[] { "Point", "LineString", "Polygon", "MultiPolygon", "empty" }) Assert.Contains(kind, geometryKinds);
        Assert.Contains(values, v => v is long.MinValue or long.MaxValue);
        Assert.Contains(values, v => v is double d && double.IsNaN(d));
        Assert.Contains(values, v => v is string s && s.Any(ch => ch > 127));
        Assert.All(values.OfType<NetTopologySuite.Geometries.Geometry>(), g => Assert.True(g.IsValid, g.ToString()));
        Assert.All(values.OfType<NetTopologySuite.Geometries.Geometry>().SelectMany(g => g.Coordinates), c => Assert.True(Math.Abs(c.X) <= 180 && Math.Abs(c.Y) <= 90));
    }

    [Fact]
    public void Options_restrict_what_is_generated()
    {
        var nonSpatial = Many(GeneratorOptions.NonSpatial with { MaxSteps = 8 }, 200);
        Assert.DoesNotContain(nonSpatial.SelectMany(c => c.Workflow.Nodes), n => n.Schema.Columns.Any(col => col.Type == SqlType.Geography));
        Assert.DoesNotContain(nonSpatial.SelectMany(c => AllExpressions(c.Workflow)).OfType<Call>(), c => c.Function.Category is FunctionCategory.Spatial or FunctionCategory.H3 or FunctionCategory.Quadbin);

        var noH3 = Many(GeneratorOptions.PostgreSql with { MaxSteps = 8 }, 200);
        Assert.DoesNotContain(noH3.SelectMany(c => AllExpressions(c.Workflow)).OfType<Call>(), c => c.Function.Category is FunctionCategory.H3 or FunctionCategory.Quadbin);
        Assert.DoesNotContain(noH3.SelectMany(c => c.Workflow.Nodes.OfType<ExplodeNode>()), e => e.Schema.Find(e.Column)!.Type != SqlType.Geography);

        var narrow = Many(new GeneratorOptions { Operators = GeneratedOperators.Filter, ExcludedFunctions = [Functions.Upper] }, 100);
        Assert.All(narrow.SelectMany(c => c.Workflow.Nodes), n => Assert.True(n is ScanNode or FilterNode or SinkNode, n.GetType().Name));
        Assert.DoesNotContain(narrow.SelectMany(c => AllExpressions(c.Workflow)).OfType<Call>(), c => c.Function == Functions.Upper);

        // Without order-dependent results, every limit reads a sort on all its columns.
        foreach (var c in Many(new GeneratorOptions { MaxSteps = 10 }, 200))
            foreach (var limit in c.Workflow.Nodes.OfType<LimitNode>())
                Assert.True(c.Workflow[limit.Input] is SortNode sort && sort.Keys.Count == limit.Schema.Count, IrPrinter.Print(c.Workflow));
    }

    [Fact]
    public void Sizes_grow_with_the_number_of_steps_so_shrinking_prefers_small_workflows()
    {
        var pcg = new PCG(7, 99UL);
        var gen = WorkflowGenerator.Cases(new GeneratorOptions { MaxSteps = 10 });
        var samples = Enumerable.Range(0, 200).Select(_ => (Case: gen.Generate(pcg, null, out var size), Size: size.I)).ToList();
        foreach (var a in samples)
            foreach (var b in samples)
                if (a.Case.Workflow.Nodes.Length < b.Case.Workflow.Nodes.Length)
                    Assert.True(a.Size < b.Size);
    }

    [Fact]
    public void A_failing_property_shrinks_to_a_small_workflow()
    {
        // A deliberately false property: "no workflow has a join". Property.Check must report a small one.
        var error = Assert.ThrowsAny<Exception>(() =>
            WorkflowGenerator.Cases(new GeneratorOptions { MaxSteps = 10 }).Check(c => Assert.DoesNotContain(c.Workflow.Nodes, n => n is JoinNode), iterations: 2000, print: c => c.ToString()));
        var message = error.Message;
        int nodeLines = message.Split('\n').Count(l => l.StartsWith('%'));
        Assert.InRange(nodeLines, 3, 6);
    }
}
