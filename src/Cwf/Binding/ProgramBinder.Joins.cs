using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Binding;

internal sealed partial class ProgramBinder
{
    /// <summary>
    /// <c>join other on a = other.b</c> (or <c>on col</c> when both sides call it the same) is the
    /// canvas join; any other condition over both sides is a join with the same output naming.
    /// </summary>
    private Relation? BindJoin(JoinStepSyntax j, Relation left, StepInfo info)
    {
        if (ResolveRelation(j.Other) is not { } right) return null;
        var (leftScope, rightScope) = (left.Scope, Qualified(right.Scope, j.Other.Name));
        var condition = StripParentheses(j.Condition);
        int? id;
        if (condition is NameSyntax { Parts.Count: 1 } shared)
        {
            var main = ResolveColumnArg(new ExpressionScope([leftScope], _parameterTypes), shared, out _);
            var secondary = ResolveColumnArg(new ExpressionScope([rightScope], _parameterTypes), shared, out _);
            if (main is null || secondary is null) return null;
            id = ComponentLowering.Join(_cx, left.Node, right.Node, main, secondary, j.Kind, info);
        }
        else if (condition is BinarySyntax { Operator: BinaryOperator.Equal, Left: NameSyntax a, Right: NameSyntax b })
        {
            var scope = ExpressionScope.Join(leftScope, rightScope, _parameterTypes);
            var first = ResolveColumnArg(scope, a, out int sideA);
            var second = ResolveColumnArg(scope, b, out int sideB);
            if (first is null || second is null) return null;
            if (sideA == sideB)
            {
                _diagnostics.Report(DiagnosticCodes.InvalidJoinCondition, Locate(j.Condition),
                    $"both columns of the condition belong to '{(sideA == 0 ? leftScope.Qualifier ?? "the piped relation" : j.Other.Name)}'",
                    $"compare a column of each side: a = {j.Other.Name}.b");
                return null;
            }
            var (main, secondary) = sideA == 0 ? (first, second) : (second, first);
            id = ComponentLowering.Join(_cx, left.Node, right.Node, main, secondary, j.Kind, info);
        }
        else
        {
            if (BindJoinCondition(j.Condition, leftScope, rightScope, "a join condition") is not { } predicate) return null;
            id = ComponentLowering.JoinWithSuffix(_cx, left.Node, right.Node, j.Kind, predicate, info);
        }
        return Joined(id, leftScope, rightScope);
    }

    /// <summary><c>spatial_join other on within(geom, other.geom)</c>: the canvas spatial join, or an inner join on any spatial condition.</summary>
    private Relation? BindSpatialJoin(SpatialJoinStepSyntax j, Relation left, StepInfo info)
    {
        if (ResolveRelation(j.Other) is not { } right) return null;
        var (leftScope, rightScope) = (left.Scope, Qualified(right.Scope, j.Other.Name));
        int? id;
        if (CanvasPredicate(j.Condition) is { } canvas)
        {
            if (ResolvePredicateColumns(canvas.Call, canvas.Function, leftScope, rightScope, j.Other.Name) is not { } columns) return null;
            id = ComponentLowering.SpatialJoin(_cx, left.Node, right.Node, columns.Main, columns.Other, canvas.Function, info);
        }
        else
        {
            if (BindJoinCondition(j.Condition, leftScope, rightScope, "a spatial join condition") is not { } predicate) return null;
            id = ComponentLowering.JoinWithSuffix(_cx, left.Node, right.Node, JoinKind.Inner, predicate, info);
        }
        return Joined(id, leftScope, rightScope);
    }

    /// <summary>
    /// <c>spatial_filter other on intersects(geom, other.geom)</c>: the piped rows with (Match) or
    /// without (Unmatch) a matching row in other, each at most once; one result per requested
    /// branch. Canvas predicates go through the shared lowering; other conditions (say st_dwithin)
    /// build the same semi join.
    /// </summary>
    private PendingRelation[] BindSpatialFilter(SpatialFilterStepSyntax f, Relation source, (FilterBranch Branch, StepInfo Info)[] branches)
    {
        var failed = branches.Select(_ => PendingRelation.Of(null)).ToArray();
        if (ResolveRelation(f.Other) is not { } filter) return failed;
        var (sourceScope, filterScope) = (source.Scope, Qualified(filter.Scope, f.Other.Name));
        if (CanvasPredicate(f.Condition) is { } canvas)
        {
            if (ResolvePredicateColumns(canvas.Call, canvas.Function, sourceScope, filterScope, f.Other.Name) is not { } columns) return failed;
            return [.. branches.Select(b => PendingRelation.Later(() => Next(source,
                ComponentLowering.SpatialFilter(_cx, source.Node, filter.Node, columns.Main, columns.Other, canvas.Function, b.Branch, b.Info))))];
        }
        if (BindJoinCondition(f.Condition, sourceScope, filterScope, "a spatial filter condition") is not { } predicate) return failed;
        return [.. branches.Select(b => PendingRelation.Later(() => Next(source,
            _builder.SemiJoin(source.Node, filter.Node, predicate, anti: b.Branch == FilterBranch.Unmatch, b.Info.Name, b.Info.Origin).Id)))];
    }

    /// <summary>A condition of one of the five canvas predicates over two column names.</summary>
    private static (CallSyntax Call, BuiltinFunction Function)? CanvasPredicate(ExpressionSyntax condition)
    {
        if (StripParentheses(condition) is not CallSyntax { Arguments: [NameSyntax, NameSyntax] } call) return null;
        if (FunctionCatalog.UnqualifiedName([.. call.Name.Select(n => n.Name)]) is not { } name) return null;
        if (FunctionCatalog.Find(name) is not [var function]) return null;
        return ComponentCatalog.SpatialPredicates.Any(p => Functions.SpatialPredicate(p) == function) ? (call, function) : null;
    }

    // The first argument must come from the piped relation and the second from the other (contract 5a.2).
    private (ColumnArg Main, ColumnArg Other)? ResolvePredicateColumns(CallSyntax call, BuiltinFunction function, ScopeInput main, ScopeInput other, string otherName)
    {
        var scope = ExpressionScope.Join(main, other, _parameterTypes);
        var first = ResolveColumnArg(scope, (NameSyntax)call.Arguments[0], out int sideA);
        var second = ResolveColumnArg(scope, (NameSyntax)call.Arguments[1], out int sideB);
        if (first is null || second is null) return null;
        if (sideA == 0 && sideB == 1) return (first, second);
        var mainName = main.Qualifier ?? "the piped relation";
        string hint = sideA == 1 && sideB == 0
            ? Functions.SpatialPredicate(call.FunctionName) switch
            {
                var f when f == Functions.Within => $"swap them: contains({call.Arguments[1]}, {call.Arguments[0]}) means the same",
                var f when f == Functions.Contains => $"swap them: within({call.Arguments[1]}, {call.Arguments[0]}) means the same",
                var f when f == Functions.Intersects || f == Functions.Touches => $"swap them: {call.FunctionName}({call.Arguments[1]}, {call.Arguments[0]})",
                _ => $"write the column of {mainName} first",
            }
            : $"compare a column of {mainName} with a column of {otherName}";
        _diagnostics.Report(DiagnosticCodes.InvalidSpatialPredicate, Locate(call),
            $"{function.Name}(a, b) needs a column of {mainName} first and a column of {otherName} second", hint);
        return null;
    }

    private Expr? BindJoinCondition(ExpressionSyntax condition, ScopeInput left, ScopeInput right, string what)
    {
        var binder = new ExpressionBinder(ExpressionScope.Join(left, right, _parameterTypes), _source, new ExpressionBinderOptions { Context = what }, _diagnostics);
        return binder.BindPredicate(condition, what);
    }

    private static ScopeInput Qualified(ScopeInput scope, string qualifier) => new(scope.Schema, qualifier, scope.Aliases);

    /// <summary>
    /// The relation a join produced: main columns keep their names, the other side's get <c>_joined</c>;
    /// both sides' qualified names keep working (<c>blocks.pop</c> is <c>pop_joined</c>).
    /// </summary>
    private Relation? Joined(int? id, ScopeInput left, ScopeInput right)
    {
        if (id is not { } node) return null;
        var aliases = new List<ColumnAlias>();
        if (left.Qualifier is { } lq) aliases.AddRange(left.Schema.Columns.Select(c => new ColumnAlias(lq, c.Name, c.Name)));
        aliases.AddRange(left.Aliases);
        if (right.Qualifier is { } rq) aliases.AddRange(right.Schema.Columns.Select(c => new ColumnAlias(rq, c.Name, c.Name + "_joined")));
        aliases.AddRange(right.Aliases.Select(a => a with { Column = a.Column + "_joined" }));
        return new Relation(node, new ScopeInput(_builder.SchemaOf(node), null, aliases));
    }

    private static ExpressionSyntax StripParentheses(ExpressionSyntax e)
    {
        while (e is ParenthesizedSyntax p) e = p.Inner;
        return e;
    }
}
