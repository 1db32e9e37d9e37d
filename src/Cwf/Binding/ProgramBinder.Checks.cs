using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Binding;

/// <summary>
/// Data checks (<c>assert ...</c>, spec/language.md "Data checks"). Each check becomes ordinary IR
/// that computes one row with one int64 column, the check's measure (the failing rows, or the row
/// count for <c>rows between</c>), read by a <see cref="CheckNode"/> that states the accepted range;
/// so the optimizer, every dialect and the interpreter compute the measure as they compute any query.
/// </summary>
internal sealed partial class ProgramBinder
{
    private const string MeasureColumn = "measure";

    // The relations the outputs so far write, by table name, for checks on an output.
    private readonly Dictionary<string, Relation> _outputRelations = new(StringComparer.OrdinalIgnoreCase);
    private int _checkCount;

    private void BindAssert(AssertStatementSyntax a)
    {
        var target = a.Relation is { } name ? CheckedLet(name) : CheckedOutput(a.Table!);
        if (target is null) return;
        var name0 = $"check_{++_checkCount}";
        var binder = Binder(target, "a data check");
        var step = Step(name0, a);
        (int Node, long Low, long High)? measure = a.Check switch
        {
            UniqueCheckSyntax u => Unique(target, binder, u, step) is { } n ? (n, 0, 0) : null,
            NotNullCheckSyntax nn => NotNull(target, binder, nn, step) is { } n ? (n, 0, 0) : null,
            RowsCheckSyntax r => Rows(target, r, step) is { } n ? (n, r.Low, r.High) : null,
            AcceptedValuesCheckSyntax v => binder.BindScalar(new InListSyntax(v.Column, v.Values, Negated: true) { Span = v.Span }) is { } notIn
                ? (CountWhere(target.Node, notIn, step), 0, 0) : null,
            ExpressionCheckSyntax e => Condition(binder, e) is { } condition
                ? (CountWhere(target.Node, ExprFactory.Not(condition), step), 0, 0) : null,
            _ => throw new InvalidOperationException($"Unexpected check {a.Check.GetType().Name}."),
        };
        if (measure is { } m) _builder.Check(m.Node, a.Label, m.Low, m.High, name0, step.Origin);
    }

    /// <summary>The let result a check reads; sources and parameters are refused (a check is about what the workflow computes).</summary>
    private Relation? CheckedLet(IdentifierSyntax name)
    {
        if (_symbols.TryGetValue(name.Name, out var symbol) && symbol is ParameterSymbol or RelationSymbol { IsSource: true }
            && symbol.Statement < _statement)
        {
            symbol.Used = true;
            var what = symbol is ParameterSymbol ? "a parameter" : "a source";
            _diagnostics.Report(DiagnosticCodes.CheckTargetNotCheckable, Locate(name), $"'{name.Name}' is {what}: a data check reads a let result or an output",
                symbol is ParameterSymbol ? "name a let result, or an output with: assert table \"schema.table\" ..."
                    : $"check a let that reads it (let checked = {ExpressionPrinter.Name(name.Name)}), or an output with: assert table \"schema.table\" ...");
            return null;
        }
        return ResolveRelation(name);
    }

    /// <summary>The rows the latest output before the check writes to the table.</summary>
    private Relation? CheckedOutput(TableNameSyntax table)
    {
        if (TableName.TryParse(table.Text) is not { } parsed) return null;
        if (_outputRelations.TryGetValue(parsed.ToString(), out var relation)) return relation;
        // An earlier output to this table whose pipeline failed has been reported already: nothing to add.
        if (_writtenTables.ContainsKey(parsed.ToString())) return null;
        var written = _outputRelations.Keys.Order(StringComparer.Ordinal).ToList();
        _diagnostics.Report(DiagnosticCodes.CheckTableNotWritten, Locate(table), $"no output before this check writes table '{parsed}'",
            NameSuggestions.DidYouMean(parsed.ToString(), written),
            written.Count == 0 ? "put the check after the output statement that writes the table" : "the tables written so far: " + string.Join(", ", written));
        return null;
    }

    private Expr? Condition(ExpressionBinder binder, ExpressionCheckSyntax check)
    {
        if (binder.BindScalar(check.Condition) is not { } condition) return null;
        if (condition.Type is SqlType.Bool or SqlType.Unknown) return condition;
        _diagnostics.Report(DiagnosticCodes.CheckConditionNotBool, Locate(check.Condition),
            $"the expression of a data check must be a condition (bool), but this one is {condition.Type.Name()}",
            "compare it: expression amount >= 0");
        return null;
    }

    /// <summary>The rows whose key (every column non-NULL) another row shares: the sum of the group sizes above one.</summary>
    private int? Unique(Relation target, ExpressionBinder binder, UniqueCheckSyntax check, StepInfo step)
    {
        var keys = KeyColumns(binder, check.Columns, "unique");
        if (keys is null) return null;
        int input = target.Node;
        var nullable = keys.Where(k => k.Nullable).Select(k => (Expr)ExprFactory.IsNull(k, negated: true)).ToList();
        if (nullable.Count > 0) input = _builder.Filter(input, nullable.Aggregate(ExprFactory.And), FilterBranch.Match, step.Name + "_keys", step.Origin).Id;
        var size = FreshName(keys.Select(k => k.Name), "rows");
        int groups = _builder.Aggregate(input, keys.Select(k => new NamedExpr(k.Name, k)), [new AggregateCall(size, AggregateFunction.CountAll, null)],
            step.Name + "_groups", step.Origin).Id;
        var sizeColumn = ExprFactory.Column(_builder.SchemaOf(groups).Find(size)!);
        int shared = _builder.Filter(groups, ExprFactory.Binary(BinaryOp.Greater, sizeColumn, Literal.Int(1)), FilterBranch.Match, step.Name + "_shared", step.Origin).Id;
        int total = _builder.Aggregate(shared, [], [new AggregateCall(MeasureColumn, AggregateFunction.Sum, sizeColumn)], step.Name + "_total", step.Origin).Id;
        var sum = ExprFactory.Column(_builder.SchemaOf(total).Find(MeasureColumn)!);
        return _builder.Project(total, [new NamedExpr(MeasureColumn, ExprFactory.Call(Functions.Coalesce, sum, Literal.Int(0)))], step.Name, step.Origin).Id;
    }

    /// <summary>The rows with a NULL in any of the columns.</summary>
    private int? NotNull(Relation target, ExpressionBinder binder, NotNullCheckSyntax check, StepInfo step)
    {
        var columns = KeyColumns(binder, check.Columns, "not_null");
        if (columns is null) return null;
        return CountWhere(target.Node, columns.Select(c => ExprFactory.IsNull(c)).Aggregate(ExprFactory.Or), step);
    }

    private int? Rows(Relation target, RowsCheckSyntax check, StepInfo step)
    {
        if (check.Low > check.High)
        {
            _diagnostics.Report(DiagnosticCodes.InvalidRowRange, Locate(check), $"no row count lies between {check.Low} and {check.High}",
                $"write the smaller bound first: rows between {check.High} and {check.Low}");
            return null;
        }
        return _builder.Aggregate(target.Node, [], [new AggregateCall(MeasureColumn, AggregateFunction.CountAll, null)], step.Name, step.Origin).Id;
    }

    /// <summary>The number of rows where the predicate is true.</summary>
    private int CountWhere(int input, Expr predicate, StepInfo step)
    {
        int failing = _builder.Filter(input, predicate, FilterBranch.Match, step.Name + "_failing", step.Origin).Id;
        return _builder.Aggregate(failing, [], [new AggregateCall(MeasureColumn, AggregateFunction.CountAll, null)], step.Name, step.Origin).Id;
    }

    /// <summary>The columns a check names, each once and a column of the input (for unique, one that can be compared); null after reporting.</summary>
    private List<ColumnRef>? KeyColumns(ExpressionBinder binder, Seq<NameSyntax> names, string check)
    {
        var columns = new List<ColumnRef>();
        bool ok = true;
        foreach (var name in names)
        {
            if (binder.BindScalar(name) is not ColumnRef column)
            {
                ok = false;
                continue;
            }
            if (column.Type == SqlType.Geography && check == "unique")
            {
                _diagnostics.Report(DiagnosticCodes.CheckColumnNotComparable, Locate(name),
                    $"'{column.Name}' is a geography, which warehouses cannot compare, so {check} cannot check it",
                    "check a key column, or a text form of the geography: derive wkt = st_astext(geom)");
                ok = false;
                continue;
            }
            if (!columns.Any(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase))) columns.Add(column);
        }
        return ok ? columns : null;
    }

    private static string FreshName(IEnumerable<string> taken, string stem)
    {
        var set = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);
        var name = stem;
        for (int n = 2; set.Contains(name); n++) name = stem + n;
        return name;
    }
}
