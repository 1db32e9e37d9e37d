using System.Text.RegularExpressions;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Binding;

internal sealed partial class ProgramBinder
{
    /// <summary>
    /// Binds a pipeline step by step (a loop: 10,000 steps are fine); null when it failed. When a
    /// step fails, the rest of the pipeline is still checked for mistakes that do not depend on it;
    /// a failed filter, sort or take keeps its input's columns, so checking goes on normally.
    /// </summary>
    private Relation? BindPipeline(PipelineSyntax pipeline, string name) =>
        BindSteps(pipeline, pipeline.Steps.Count, name);

    private Relation? BindSteps(PipelineSyntax pipeline, int count, string name)
    {
        var current = ResolveRelation(pipeline.Input);
        for (int i = 0; i < count; i++)
        {
            var step = pipeline.Steps[i];
            var stepName = i == pipeline.Steps.Count - 1 ? name : $"{name}_{i + 1}_{StepKeyword(step)}";
            current = current is null ? CheckOnly(step) : BindStep(step, current, Step(stepName, step));
        }
        return current;
    }

    /// <summary>
    /// <c>let a, b = ... | split c</c> (or <c>| spatial_filter ...</c>): everything is checked now,
    /// and each result's node is built when the result is first used.
    /// </summary>
    private PendingRelation[] BindTwoResultPipeline(PipelineSyntax pipeline, string first, string second)
    {
        PendingRelation[] failed = [PendingRelation.Of(null), PendingRelation.Of(null)];
        if (pipeline.Steps.Count == 0)
        {
            var input = ResolveRelation(pipeline.Input);
            if (input is not null)
                _diagnostics.Report(DiagnosticCodes.ResultCountMismatch, Locate(pipeline), $"'{pipeline.Input.Name}' is one result, but two names are given",
                    "end the pipeline with split or spatial_filter, which have two results (match and unmatch)");
            return failed;
        }
        var current = BindSteps(pipeline, pipeline.Steps.Count - 1, first);
        var step = pipeline.Steps[^1];
        if (current is null)
        {
            CheckOnly(step);
            return failed;
        }
        switch (step)
        {
            case SplitStepSyntax split:
                var predicate = Binder(current, "a split").BindScalar(split.Predicate);
                if (predicate is null) return failed;
                if (predicate.Type is not (SqlType.Bool or SqlType.Unknown))
                {
                    _diagnostics.Report(DiagnosticCodes.PredicateNotBoolean, Locate(split.Predicate),
                        $"the split condition is {predicate.Type.Name()}, not a boolean", "compare it with something, e.g. x > 0");
                    return failed;
                }
                PendingRelation Branch(FilterBranch branch, string name) => PendingRelation.Later(() =>
                    Next(current, ComponentLowering.Where(_cx, current.Node, predicate, Locate(split.Predicate), branch, Step(name, split))));
                return [Branch(FilterBranch.Match, first), Branch(FilterBranch.Unmatch, second)];
            case SpatialFilterStepSyntax filter:
                return BindSpatialFilter(filter, current, [(FilterBranch.Match, Step(first, filter)), (FilterBranch.Unmatch, Step(second, filter))]);
            default:
                _diagnostics.Report(DiagnosticCodes.ResultCountMismatch, Locate(step), $"'{StepKeyword(step)}' has one result, but two names are given",
                    step is FilterStepSyntax ? "use split to get both the matching and the other rows" : "end the pipeline with split or spatial_filter, which have two results");
                CheckOnly(step);
                return failed;
        }
    }

    private Relation? BindStep(StepSyntax step, Relation input, StepInfo info)
    {
        switch (step)
        {
            case FilterStepSyntax f:
                var predicate = Binder(input, "a filter").BindScalar(f.Predicate);
                return predicate is null ? input
                    : Next(input, ComponentLowering.Where(_cx, input.Node, predicate, Locate(f.Predicate), FilterBranch.Match, info)) ?? input;
            case SplitStepSyntax s:
                _diagnostics.Report(DiagnosticCodes.ResultCountMismatch, Locate(s), "split has two results (match and unmatch)",
                    "write 'let matched, unmatched = ... | split condition' as the last step, or use filter to keep only the matches");
                Binder(input, "a split").BindScalar(s.Predicate);
                return input;
            case SelectStepSyntax s:
                return BindSelect(s, input, info);
            case DeriveStepSyntax d:
                return BindDerive(d, input, info);
            case RenameStepSyntax r:
                return BindRename(r, input, info);
            case DropStepSyntax d:
                var dropped = d.Columns.Select(c => ResolveColumnArg(input, c)).ToList();
                if (dropped.Any(c => c is null)) return null;
                return Next(input, ComponentLowering.DropColumns(_cx, input.Node, dropped!, info));
            case SortStepSyntax s:
                var binder = Binder(input, "a sort key");
                var keys = s.Keys.Select(k => (Expr: binder.BindScalar(k.Expression), k.Descending, Location: Locate(k.Expression))).ToList();
                if (keys.Any(k => k.Expr is null)) return input;
                return Next(input, ComponentLowering.OrderBy(_cx, input.Node, keys.Select(k => (k.Expr!, k.Descending, k.Location)).ToList(), info)) ?? input;
            case TakeStepSyntax t:
                var count = Binder(input, "a row count").BindScalar(t.Count);
                return count is null ? input : Next(input, ComponentLowering.Limit(_cx, input.Node, count, Locate(t.Count), info)) ?? input;
            case DistinctStepSyntax:
                return Next(input, ComponentLowering.Distinct(_cx, input.Node, info));
            case GroupStepSyntax g:
                return BindAggregate(input, g.Keys, g.Aggregates, info);
            case SummarizeStepSyntax s:
                return BindAggregate(input, [], s.Aggregates, info);
            case JoinStepSyntax j:
                return BindJoin(j, input, info);
            case SpatialJoinStepSyntax j:
                return BindSpatialJoin(j, input, info);
            case SpatialFilterStepSyntax f:
                return BindSpatialFilter(f, input, [(FilterBranch.Match, info)])[0].Get();
            case UnionStepSyntax u:
                return BindUnion(u, input, info);
            case SqlStepSyntax s:
                return BindSql(s, input, info);
            default:
                return BindSpatialColumn(step, input, info);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Column steps

    private Relation? BindSelect(SelectStepSyntax s, Relation input, StepInfo info)
    {
        var columns = Binder(input, "a select list").BindSelectItemsWithSites(s.Items);
        if (columns is null) return null;
        var id = ComponentLowering.Select(_cx, input.Node, columns.Select(c => (c.Column, Locate(c.Site))).ToList(), info);
        return id is { } node ? new Relation(node, new ScopeInput(_builder.SchemaOf(node), input.Scope.Qualifier)) : null;
    }

    private Relation? BindDerive(DeriveStepSyntax d, Relation input, StepInfo info)
    {
        var current = input;
        foreach (var derivation in d.Columns)
        {
            var expr = Binder(current, "a derived column").BindScalar(derivation.Expression);
            if (expr is null || Next(current, ComponentLowering.SelectExpression(_cx, current.Node, derivation.Name.Name, expr, info)) is not { } next) return null;
            current = next;
        }
        return current;
    }

    private Relation? BindRename(RenameStepSyntax r, Relation input, StepInfo info)
    {
        Relation? current = input;
        foreach (var renaming in r.Renamings)
        {
            if (ResolveColumnArg(current, renaming.Column) is not { } column) return null;
            var id = ComponentLowering.RenameColumn(_cx, current.Node, column, renaming.NewName.Name, Locate(renaming.NewName), info);
            if (id is not { } node) return null;
            // Keep qualified names working: blocks.pop still finds the column after it is renamed.
            var aliases = current.Scope.Aliases.Select(a =>
                string.Equals(a.Column, column.Name, StringComparison.OrdinalIgnoreCase) ? a with { Column = renaming.NewName.Name } : a);
            current = new Relation(node, new ScopeInput(_builder.SchemaOf(node), current.Scope.Qualifier, aliases));
        }
        return current;
    }

    private Relation? BindSpatialColumn(StepSyntax step, Relation input, StepInfo info)
    {
        switch (step)
        {
            case BufferStepSyntax b:
                var geo = ResolveColumnArg(input, b.Geography);
                var meters = Binder(input, "a buffer distance").BindLength(b.Distance, b.Unit);
                if (geo is null || meters is null) return null;
                return Next(input, ComponentLowering.Buffer(_cx, input.Node, geo, meters, Locate(b.Distance), info, b.Alias?.Name));
            case CentroidStepSyntax c:
                return ResolveColumnArg(input, c.Geography) is { } g
                    ? Next(input, ComponentLowering.Centroid(_cx, input.Node, g, info, c.Alias?.Name))
                    : null;
            case AreaStepSyntax a:
                var areaGeo = ResolveColumnArg(input, a.Geography);
                var areaUnit = AreaUnitOf(a);
                if (areaGeo is null || areaUnit is null) return null;
                return Next(input, ComponentLowering.Area(_cx, input.Node, areaGeo, areaUnit.Value, info, a.Alias?.Name));
            case DistanceStepSyntax d:
                var from = ResolveColumnArg(input, d.From);
                var to = ResolveColumnArg(input, d.To);
                var lengthUnit = LengthUnitOf(d, d.Unit);
                if (from is null || to is null || lengthUnit is null) return null;
                return Next(input, ComponentLowering.Distance(_cx, input.Node, from, to, lengthUnit.Value, info, d.Alias?.Name));
            case PointStepSyntax p:
                var lat = ResolveColumnArg(input, p.Latitude);
                var lon = ResolveColumnArg(input, p.Longitude);
                if (lat is null || lon is null) return null;
                return Next(input, ComponentLowering.GeogPoint(_cx, input.Node, lat, lon, info, p.Alias?.Name));
            case H3StepSyntax h:
                var point = ResolveColumnArg(input, h.Point);
                var resolution = Binder(input, "an H3 resolution").BindScalar(h.Resolution);
                if (point is null || resolution is null) return null;
                return Next(input, ComponentLowering.H3FromPoint(_cx, input.Node, point, resolution, Locate(h.Resolution), info, h.Alias?.Name));
            case H3BoundaryStepSyntax h:
                return ResolveColumnArg(input, h.Cell) is { } cell
                    ? Next(input, ComponentLowering.H3Boundary(_cx, input.Node, cell, info, h.Alias?.Name))
                    : null;
            default:
                throw new InvalidOperationException($"Unexpected step {step.GetType().Name}.");
        }
    }

    private AreaUnit? AreaUnitOf(AreaStepSyntax a)
    {
        if (a.Unit is null) return AreaUnit.SquareMeters;
        if (Units.ParseArea(a.Unit) is { } unit) return unit;
        WrongUnit(a, $"an area needs an area unit (m2, km2, mi2, ha), not {a.Unit}");
        return null;
    }

    private LengthUnit? LengthUnitOf(StepSyntax site, string? spelling)
    {
        if (spelling is null) return LengthUnit.Meters;
        if (Units.ParseLength(spelling) is { } unit) return unit;
        WrongUnit(site, $"a distance needs a length unit (m, km, mi, ft), not {spelling}");
        return null;
    }

    private Expr? WrongUnit(SyntaxNode site, string message)
    {
        _diagnostics.Report(DiagnosticCodes.WrongUnit, Locate(site), message);
        return null;
    }

    // ---------------------------------------------------------------------------------------
    // Aggregation

    /// <summary>
    /// group by / summarize. The canvas forms (key columns; sum, avg, min, max, count or
    /// count distinct of a column) go through the shared GroupBy lowering; the forms only .cwf has
    /// (count(), computed keys, aggregates of expressions) build the same kind of Aggregate node here.
    /// </summary>
    private Relation? BindAggregate(Relation input, Seq<GroupKeySyntax> keys, Seq<AggregateItemSyntax> aggregates, StepInfo info)
    {
        int? id = IsCanvasAggregation(keys, aggregates)
            ? BindCanvasAggregate(input, keys, aggregates, info)
            : BindGeneralAggregate(input, keys, aggregates, info);
        return id is { } node ? new Relation(node, new ScopeInput(_builder.SchemaOf(node), input.Scope.Qualifier)) : null;
    }

    private static bool IsCanvasAggregation(Seq<GroupKeySyntax> keys, Seq<AggregateItemSyntax> aggregates) =>
        keys.All(k => k.Name is null && k.Expression is NameSyntax) && aggregates.All(a => CanvasMethod(a.Expression) is not null);

    /// <summary>The canvas method and column of <c>sum(x)</c>, <c>count(distinct x)</c> ..., or null for other forms.</summary>
    private static (string Method, NameSyntax Column)? CanvasMethod(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedSyntax p) expression = p.Inner;
        if (expression is not CallSyntax { Arguments: [NameSyntax column] } call) return null;
        if (FunctionCatalog.UnqualifiedName([.. call.Name.Select(n => n.Name)]) is not { } name) return null;
        var function = FunctionCatalog.FindAggregate(name);
        if (function is null || (call.Distinct && function != AggregateFunction.Count)) return null;
        var kind = call.Distinct ? AggregateFunction.CountDistinct : function.Value;
        return (FunctionCatalog.MethodName(kind), column);
    }

    private int? BindCanvasAggregate(Relation input, Seq<GroupKeySyntax> keys, Seq<AggregateItemSyntax> aggregates, StepInfo info)
    {
        var keyArgs = keys.Select(k => ResolveColumnArg(input, (NameSyntax)k.Expression)).ToList();
        var aggregationArgs = aggregates.Select(a =>
        {
            var (method, column) = CanvasMethod(a.Expression)!.Value;
            return ResolveColumnArg(input, column) is { } arg ? new AggregationArg(arg, method, Locate(a), a.Name?.Name) : null;
        }).ToList();
        if (keyArgs.Any(k => k is null) || aggregationArgs.Any(a => a is null)) return null;
        return ComponentLowering.GroupBy(_cx, input.Node, keyArgs!, aggregationArgs!, info);
    }

    private int? BindGeneralAggregate(Relation input, Seq<GroupKeySyntax> keys, Seq<AggregateItemSyntax> aggregates, StepInfo info)
    {
        var binder = Binder(input, "a grouping key");
        bool ok = true;
        var keyColumns = new List<NamedExpr>();
        var names = new List<(string Name, SyntaxNode Site)>();
        foreach (var key in keys)
        {
            var expr = binder.BindScalar(key.Expression);
            if (expr is null)
            {
                ok = false;
                continue;
            }
            if (!expr.Type.IsComparable())
            {
                _diagnostics.Report(DiagnosticCodes.NotComparable, Locate(key.Expression),
                    expr is ColumnRef c ? $"cannot group by the geography column '{c.Name}'" : "cannot group by a geography value",
                    "group by an id, a text form (st_astext) or an H3 cell instead");
                ok = false;
                continue;
            }
            var name = key.Name?.Name ?? ((ColumnRef)expr).Name;
            keyColumns.Add(new NamedExpr(name, expr));
            names.Add((name, key));
        }
        var calls = new List<AggregateCall>();
        foreach (var item in aggregates)
        {
            var call = binder.BindAggregateCall(item.Expression, item.Name?.Name, item);
            if (call is null)
            {
                ok = false;
                continue;
            }
            calls.Add(call);
            names.Add((call.Name, item));
        }
        if (!ok) return null;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, site) in names)
        {
            if (seen.Add(name)) continue;
            _diagnostics.Report(DiagnosticCodes.DuplicateOutputColumn, Locate(site), $"the output column '{name}' appears twice", "give one of them another name");
            ok = false;
        }
        if (names.Count == 0)
        {
            _diagnostics.Report(DiagnosticCodes.NoColumnsLeft, info.Origin, "the aggregation has no keys and no aggregates");
            return null;
        }
        return ok ? _builder.Aggregate(input.Node, keyColumns, calls, info.Name, info.Origin).Id : null;
    }

    // ---------------------------------------------------------------------------------------
    // Steps over several relations

    private Relation? BindUnion(UnionStepSyntax u, Relation input, StepInfo info)
    {
        var others = u.Others.Select(o => (Relation: ResolveRelation(o), Site: o)).ToList();
        if (others.Any(o => o.Relation is null)) return null;
        var inputs = new List<(int, Location)> { (input.Node, info.Origin) };
        inputs.AddRange(others.Select(o => (o.Relation!.Node, Locate(o.Site))));
        var id = ComponentLowering.UnionAll(_cx, inputs, info);
        return id is { } node ? new Relation(node, new ScopeInput(_builder.SchemaOf(node), input.Scope.Qualifier)) : null;
    }

    private Relation? BindSql(SqlStepSyntax s, Relation input, StepInfo info)
    {
        var others = s.Inputs.Select(ResolveRelation).ToList();
        Schema? schema = s.Schema is { } declared ? DeclaredSchema(declared, "the sql step") : null;
        bool ok = !others.Any(o => o is null) && (s.Schema is null || schema is not null);
        int inputCount = 1 + s.Inputs.Count;
        foreach (Match m in Placeholder().Matches(s.Sql))
        {
            int index = char.ToLowerInvariant(m.Groups[1].Value[0]) - 'a';
            if (index < inputCount) continue;
            _diagnostics.Report(DiagnosticCodes.InvalidSqlPlaceholder, info.Origin,
                $"{m.Value} has no input: this sql step has {inputCount} ({string.Join(", ", Enumerable.Range(0, inputCount).Select(OpaqueNode.Placeholder))})",
                "$a is the piped relation; add others with 'sql with b, c \"...\"'");
            ok = false;
            break;
        }
        if (!ok) return null;
        var nodes = new List<int> { input.Node };
        nodes.AddRange(others.Select(o => o!.Node));
        var id = ComponentLowering.CustomSql(_cx, nodes, s.Sql, schema, info);
        return id is { } node ? new Relation(node, new ScopeInput(_builder.SchemaOf(node), input.Scope.Qualifier)) : null;
    }

    [GeneratedRegex(@"\$([a-zA-Z])(?![a-zA-Z0-9_])")]
    private static partial Regex Placeholder();

    // ---------------------------------------------------------------------------------------
    // Steps after a failure

    /// <summary>
    /// Checks a step whose input failed: only mistakes that do not depend on the input's columns
    /// (unknown functions, unknown relation names, misplaced aggregates) are reported.
    /// </summary>
    private Relation? CheckOnly(StepSyntax step)
    {
        var open = new Relation(-1, new ScopeInput(Schema.Open));
        var binder = Binder(open, "this step");
        IEnumerable<ExpressionSyntax> expressions = step switch
        {
            FilterStepSyntax f => [f.Predicate],
            SplitStepSyntax s => [s.Predicate],
            SelectStepSyntax s => s.Items.Select(i => i.Expression).Where(e => e is not StarSyntax),
            DeriveStepSyntax d => d.Columns.Select(c => c.Expression),
            SortStepSyntax s => s.Keys.Select(k => k.Expression),
            TakeStepSyntax t => [t.Count],
            GroupStepSyntax g => g.Keys.Where(k => k.Name is not null).Select(k => k.Expression),
            BufferStepSyntax b => [b.Distance],
            H3StepSyntax h => [h.Resolution],
            _ => [],
        };
        foreach (var e in expressions) binder.BindScalar(e);
        var aggregates = step switch
        {
            GroupStepSyntax g => g.Aggregates,
            SummarizeStepSyntax s => s.Aggregates,
            _ => [],
        };
        foreach (var a in aggregates) binder.BindAggregateCall(a.Expression, a.Name?.Name ?? "_", a);
        IEnumerable<IdentifierSyntax> relations = step switch
        {
            JoinStepSyntax j => [j.Other],
            SpatialJoinStepSyntax j => [j.Other],
            SpatialFilterStepSyntax f => [f.Other],
            UnionStepSyntax u => u.Others,
            SqlStepSyntax s => s.Inputs,
            _ => [],
        };
        foreach (var r in relations) ResolveRelation(r);
        return null;
    }

    // ---------------------------------------------------------------------------------------
    // Helpers

    private ExpressionBinder Binder(Relation input, string context) =>
        new(new ExpressionScope([input.Scope], _parameterTypes), _source, new ExpressionBinderOptions { Context = context }, _diagnostics);

    /// <summary>The column a step parameter names (bare or qualified), as the component wants it.</summary>
    private ColumnArg? ResolveColumnArg(Relation input, NameSyntax name) => ResolveColumnArg(new ExpressionScope([input.Scope], _parameterTypes), name, out _);

    private ColumnArg? ResolveColumnArg(ExpressionScope scope, NameSyntax name, out int side)
    {
        side = -1;
        var binder = new ExpressionBinder(scope, _source, new ExpressionBinderOptions { BareNamesMayBeParameters = false }, _diagnostics);
        if (binder.BindScalar(name) is not ColumnRef column) return null;
        side = column.Input;
        return new ColumnArg(column.Name, Locate(name));
    }

    /// <summary>The relation a step produced, keeping the input's qualifier and aliases (null when the step failed).</summary>
    private Relation? Next(Relation input, int? node) => node is { } id ? Next(input, id) : null;

    private Relation Next(Relation input, int node) =>
        new(node, new ScopeInput(_builder.SchemaOf(node), input.Scope.Qualifier, input.Scope.Aliases));

    private static string StepKeyword(StepSyntax step) => step switch
    {
        FilterStepSyntax => "filter",
        SplitStepSyntax => "split",
        SelectStepSyntax => "select",
        DeriveStepSyntax => "derive",
        RenameStepSyntax => "rename",
        DropStepSyntax => "drop",
        SortStepSyntax => "sort",
        TakeStepSyntax => "take",
        DistinctStepSyntax => "distinct",
        GroupStepSyntax => "group",
        SummarizeStepSyntax => "summarize",
        JoinStepSyntax => "join",
        SpatialJoinStepSyntax => "spatial_join",
        SpatialFilterStepSyntax => "spatial_filter",
        UnionStepSyntax => "union",
        BufferStepSyntax => "buffer",
        CentroidStepSyntax => "centroid",
        AreaStepSyntax => "area",
        DistanceStepSyntax => "distance",
        PointStepSyntax => "point",
        H3StepSyntax => "h3",
        H3BoundaryStepSyntax => "h3_boundary",
        SqlStepSyntax => "sql",
        _ => "step",
    };
}
