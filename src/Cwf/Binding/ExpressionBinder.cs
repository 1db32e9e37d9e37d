using System.Runtime.CompilerServices;
using Cwf.Components;
using Cwf.Components.Library;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.Binding;

/// <summary>
/// Binds expression syntax to typed IR expressions against a scope (one or two inputs and the
/// parameters), with the IR's typing rules (<see cref="Typing"/>, <see cref="ExprFactory"/>).
/// Every problem is a diagnostic; a sub-expression that fails makes its parents fail silently,
/// so one mistake gives one diagnostic while independent mistakes are all reported.
/// </summary>
public sealed partial class ExpressionBinder
{
    private readonly ExpressionScope _scope;
    private readonly SourceText? _source;
    private readonly ExpressionBinderOptions _options;
    private readonly DiagnosticBag _diagnostics;
    // What each bound quantity measures (only those that are not plain numbers), by reference: see DimensionOf.
    // Made at the first measured quantity: most binders never see one.
    private Dictionary<Expr, Dimension>? _dimensions;
    private bool _insideAggregate;

    public ExpressionBinder(ExpressionScope scope, SourceText? source, ExpressionBinderOptions? options = null)
        : this(scope, source, options, new DiagnosticBag())
    {
    }

    internal ExpressionBinder(ExpressionScope scope, SourceText? source, ExpressionBinderOptions? options, DiagnosticBag diagnostics)
    {
        _scope = scope;
        _source = source;
        _options = options ?? ExpressionBinderOptions.Default;
        _diagnostics = diagnostics;
    }

    public ExpressionScope Scope => _scope;

    // ---------------------------------------------------------------------------------------
    // Public entry points: each returns its own diagnostics.

    public static BoundExpression Bind(ExpressionSyntax syntax, ExpressionScope scope, SourceText? source = null, ExpressionBinderOptions? options = null)
    {
        var bag = new DiagnosticBag();
        var expr = new ExpressionBinder(scope, source, options, bag).BindScalar(syntax);
        return new BoundExpression(expr, bag.ToImmutable());
    }

    public static BoundSelectList BindSelectList(SelectListSyntax syntax, ExpressionScope scope, SourceText? source = null, ExpressionBinderOptions? options = null)
    {
        var bag = new DiagnosticBag();
        var columns = new ExpressionBinder(scope, source, options, bag).BindSelectItemsWithSites(syntax.Items);
        return new BoundSelectList(columns?.Select(c => c.Column).ToSeq(), bag.ToImmutable());
    }

    /// <summary>An aggregate such as <c>sum(x)</c>, <c>count(distinct x)</c> or <c>count(*)</c>, named <paramref name="name"/> or by default <c>x_sum</c>.</summary>
    public static BoundAggregate BindAggregate(ExpressionSyntax syntax, string? name, ExpressionScope scope, SourceText? source = null, ExpressionBinderOptions? options = null)
    {
        var bag = new DiagnosticBag();
        var aggregate = new ExpressionBinder(scope, source, options, bag).BindAggregateCall(syntax, name, syntax);
        return new BoundAggregate(aggregate, bag.ToImmutable());
    }

    // ---------------------------------------------------------------------------------------
    // Entry points for the statement binder (diagnostics go to the shared bag).

    /// <summary>A scalar expression (no aggregates), or null after reporting why not.</summary>
    internal Expr? BindScalar(ExpressionSyntax syntax)
    {
        // Guarded as the other entry points, written out: this one runs for every expression of a program.
        try
        {
            return Bind(syntax);
        }
        catch (InsufficientExecutionStackException)
        {
            return TooComplex<Expr>(syntax);
        }
    }

    /// <summary>A scalar expression that must be of type bool (filters, conditions).</summary>
    internal Expr? BindPredicate(ExpressionSyntax syntax, string what)
    {
        var expr = BindScalar(syntax);
        if (expr is null) return null;
        if (expr.Type is SqlType.Bool or SqlType.Unknown) return expr;
        Report(DiagnosticCodes.TypeMismatch, syntax, $"{what} must be a bool condition, but this is {expr.Type.Name()}",
            expr.Type == SqlType.Geography ? "use a spatial predicate such as intersects(a, b)" : "compare it, for example x > 0 or x is not null");
        return null;
    }

    /// <summary>
    /// A length in meters for a step (<c>buffer g by 300 m</c>, <c>by @radius</c>, <c>by radius km</c>):
    /// a plain number is read in <paramref name="unit"/> (meters when none is written); an expression
    /// that is a length already (a quantity, a parameter declared with a length, st_distance) is taken
    /// as it is and takes no unit after it; anything else is CWF2022.
    /// </summary>
    internal Expr? BindLength(ExpressionSyntax syntax, string? unit)
    {
        var value = BindScalar(syntax);
        if (value is null) return null;
        var dimension = DimensionOf(value);
        var written = Unparenthesized(syntax) is QuantitySyntax q ? q.Unit : null;
        if (dimension.IsPlain)
        {
            if (unit is null) return Units.ToMeters(value, LengthUnit.Meters);
            if (Units.ParseLength(unit) is { } length) return Units.ToMeters(value, length);
            return Fail(DiagnosticCodes.WrongUnit, syntax, $"a distance needs a length unit (m, km, mi, ft), not {unit}");
        }
        if (dimension != Dimension.Length)
            return Fail(DiagnosticCodes.WrongUnit, syntax, written is not null
                ? $"a distance needs a length unit (m, km, mi, ft), not {written}"
                : $"{_options.Context} must be a length, but this is {dimension.Describe()}");
        if (unit is not null)
            return Fail(DiagnosticCodes.WrongUnit, syntax, written is not null
                ? $"the distance already has a unit ({written}); remove '{unit}'"
                : $"{_options.Context} is a length already; remove '{unit}'");
        return value;
    }

    /// <summary>
    /// What a bound expression measures: a length or an area when it comes from a unit (<c>2 km</c>),
    /// a parameter declared with one, or a metric function (<c>st_area</c>), else a plain number.
    /// </summary>
    internal Dimension DimensionOf(Expr expr) => _dimensions is null ? Dimension.Plain : _dimensions.GetValueOrDefault(expr, Dimension.Plain);

    internal AggregateCall? BindAggregateCall(ExpressionSyntax syntax, string? name, SyntaxNode nameSite) =>
        Guarded(syntax, () => BindAggregateCore(syntax, name, nameSite));

    /// <summary>The columns of a select list in order, each with the item that produced it; null after reporting a problem.</summary>
    internal List<(NamedExpr Column, SyntaxNode Site)>? BindSelectItemsWithSites(Seq<SelectItemSyntax> items)
    {
        // One column an item, but for a star.
        var columns = new List<(NamedExpr Column, SyntaxNode Site)>(items.Count);
        bool ok = true;
        foreach (var item in items)
        {
            if (item.Expression is StarSyntax star)
            {
                if (ExpandStar(star) is { } expanded) columns.AddRange(expanded.Select(c => (c, (SyntaxNode)item)));
                else ok = false;
                continue;
            }
            var expr = BindScalar(item.Expression);
            if (expr is null)
            {
                ok = false;
                continue;
            }
            string? name = item.Alias?.Name ?? (expr is ColumnRef c ? c.Name : null);
            if (name is null)
            {
                Report(DiagnosticCodes.UnnamedColumn, item.Expression, "this computed column needs a name",
                    $"add 'as name' after it");
                ok = false;
                continue;
            }
            columns.Add((new NamedExpr(name, expr), item));
        }
        if (!ok) return null;
        var seen = new SeenNames();
        foreach (var (column, site) in columns)
        {
            if (seen.Add(column.Name)) continue;
            Report(DiagnosticCodes.DuplicateOutputColumn, site, $"the select list produces two columns named '{column.Name}'",
                "rename one of them with 'as'");
            return null;
        }
        return columns;
    }

    private IEnumerable<NamedExpr>? ExpandStar(StarSyntax star)
    {
        var inputs = star.Qualifier is null
            ? _scope.Inputs.Select((input, index) => (input, index)).ToList()
            : _scope.Inputs.Select((input, index) => (input, index)).Where(x => x.input.HasQualifier(star.Qualifier.Name)).ToList();
        if (inputs.Count == 0)
        {
            Report(DiagnosticCodes.UnknownColumn, star, $"unknown relation '{star.Qualifier!.Name}' in '{star.Qualifier.Name}.*'",
                NameSuggestions.DidYouMean(star.Qualifier.Name, _scope.Inputs.SelectMany(i => i.Qualifiers)));
            return null;
        }
        var result = new List<NamedExpr>();
        foreach (var (input, index) in inputs)
        {
            if (input.Schema.IsOpen)
            {
                Report(DiagnosticCodes.StarNotAllowed, star, "'*' cannot list the columns of a relation whose columns are unknown",
                    "declare the result schema of the sql step: sql \"...\" { name: type, ... }");
                return null;
            }
            bool own = star.Qualifier is null || string.Equals(input.Qualifier, star.Qualifier.Name, StringComparison.OrdinalIgnoreCase);
            var columns = own
                ? input.Schema.Columns
                : input.Aliases.Where(a => string.Equals(a.Qualifier, star.Qualifier!.Name, StringComparison.OrdinalIgnoreCase))
                    .Select(a => input.Schema.Find(a.Column)!).ToSeq();
            result.AddRange(columns.Select(c => new NamedExpr(c.Name, ExprFactory.Column(c, index))));
        }
        return result;
    }

    private T? Guarded<T>(SyntaxNode syntax, Func<T?> bind) where T : class
    {
        try
        {
            return bind();
        }
        catch (InsufficientExecutionStackException)
        {
            return TooComplex<T>(syntax);
        }
    }

    private T? TooComplex<T>(SyntaxNode syntax) where T : class
    {
        Report(DiagnosticCodes.TooComplex, syntax, "this expression is nested too deeply to compile", "simplify it, or split it into several steps");
        return null;
    }

    // ---------------------------------------------------------------------------------------
    // Expressions

    private Expr? Bind(ExpressionSyntax syntax)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return syntax switch
        {
            NameSyntax n => BindName(n),
            ParameterSyntax p => BindParameter(p, p.Name),
            LiteralSyntax l => BindLiteral(l),
            TypedLiteralSyntax t => BindTypedLiteral(t),
            QuantitySyntax q => BindQuantity(q),
            UnarySyntax u => BindUnary(u),
            BinarySyntax b => BindBinary(b),
            IsNullSyntax n => Bind(n.Operand) is { } operand ? ExprFactory.IsNull(operand, n.Negated) : null,
            InListSyntax i => BindInList(i),
            BetweenSyntax b => BindBetween(b),
            LikeSyntax l => BindLike(l),
            CaseSyntax c => BindCase(c),
            CastSyntax c => BindCast(c),
            CallSyntax c => BindCall(c),
            WindowCallSyntax w => Fail(DiagnosticCodes.WindowNotAllowed, w, $"window function '{w.Call.FullName}' is not allowed in {_options.Context}",
                $"compute it as a whole column first: derive name = {w.Call.FunctionName}(...) over (...), then use the column"),
            StarSyntax s => Fail(DiagnosticCodes.StarNotAllowed, s, "'*' is only allowed in a select list and in count(*)"),
            ParenthesizedSyntax p => Bind(p.Inner),
            _ => throw new InvalidOperationException($"Unexpected syntax {syntax.GetType().Name}."),
        };
    }

    private Expr? BindName(NameSyntax name)
    {
        if (name.Parts.Count > 2)
            return Fail(DiagnosticCodes.UnknownColumn, name, $"'{name}' is not a column: a column is 'name' or 'relation.name'");
        return name.Qualifier is { } qualifier ? BindQualified(name, qualifier) : BindBare(name);
    }

    private Expr? BindQualified(NameSyntax name, string qualifier)
    {
        var matches = _scope.Inputs.Select((input, index) => (input, index)).Where(x => x.input.HasQualifier(qualifier)).ToList();
        // Nothing is known about an open relation (raw SQL without a schema): it may have any qualified column.
        int open = _scope.Inputs.IndexOf(_scope.Inputs.FirstOrDefault(i => i.Schema.IsOpen)!);
        if (matches.Count == 0 && open >= 0)
            return new ColumnRef(name.Name, SqlType.Unknown, true, open);
        if (matches.Count == 0)
        {
            var qualifiers = _scope.Inputs.SelectMany(i => i.Qualifiers).ToList();
            return Fail(DiagnosticCodes.UnknownColumn, name, $"unknown relation '{qualifier}' in '{name}'",
                NameSuggestions.DidYouMean(qualifier, qualifiers),
                qualifiers.Count == 0 ? "write the column name alone" : "relations here: " + string.Join(", ", qualifiers));
        }
        foreach (var (input, index) in matches)
            if (input.FindQualified(qualifier, name.Name) is { } column)
                return ExprFactory.Column(column, index);
        var candidates = matches.SelectMany(m => m.input.Schema.Names).ToList();
        return Fail(DiagnosticCodes.UnknownColumn, name, $"unknown column '{name.Name}' in '{qualifier}'",
            NameSuggestions.DidYouMean(name.Name, candidates), Available(candidates));
    }

    private Expr? BindBare(NameSyntax name)
    {
        bool parameter = _options.BareNamesMayBeParameters && _scope.Parameters.Contains(name.Name);
        // Most names are a column of the only input: that is the one hit, known, without collecting hits.
        if (_scope.Inputs.Length == 1 && _scope.Inputs[0].Schema.IndexOf(name.Name) is >= 0 and var index)
            return OnlyColumn(name, _scope.Inputs[0].Schema[index], 0, known: true, parameter);
        var hits = new List<(Column Column, int Input, bool Known)>();
        for (int i = 0; i < _scope.Inputs.Length; i++)
            foreach (var column in _scope.Inputs[i].FindBare(name.Name))
                hits.Add((column, i, _scope.Inputs[i].Knows(name.Name)));
        int known = 0;
        foreach (var hit in hits)
            if (hit.Known) known++;
        // Most names have one hit (known): the list of hits is then the list of known ones.
        var chosen = known > 0 && known < hits.Count ? hits.Where(h => h.Known).ToList() : hits;

        if (chosen.Count == 1) return OnlyColumn(name, chosen[0].Column, chosen[0].Input, known == 1, parameter);
        if (chosen.Count > 1 && !(parameter && known == 0))
        {
            var options = chosen.Select(h => Qualified(h.Input, h.Column.Name)).Distinct().ToList();
            if (options.Count == 1)
                return Fail(DiagnosticCodes.AmbiguousColumn, name, $"column '{name.Name}' is ambiguous: both sides of the join have it and the same name",
                    "give one side another name with a let, e.g. let other = ..., and qualify the column with it");
            return Fail(DiagnosticCodes.AmbiguousColumn, name, $"column '{name.Name}' is ambiguous: it could be {string.Join(" or ", options)}",
                "qualify it with the relation's name");
        }
        if (parameter) return BindParameter(name, name.Name);
        if (name.Parts.Count == 1 && CurrentTime(name.Name) is { } now) return ExprFactory.Call(now);

        var candidates = _scope.Inputs.SelectMany(i => i.CandidateNames).ToList();
        var where = _scope.Inputs.Length == 1 && _scope.Inputs[0].Qualifier is { } q ? $" in '{q}'" : "";
        var paramHint = !_options.BareNamesMayBeParameters && _scope.Parameters.Contains(name.Name) ? $"to use the parameter, write @{name.Name}" : "";
        return Fail(DiagnosticCodes.UnknownColumn, name, $"unknown column '{name.Name}'{where}",
            NameSuggestions.DidYouMean(name.Name, candidates.Concat(_options.BareNamesMayBeParameters ? _scope.Parameters.Names : [])),
            paramHint, Available(_scope.Inputs.SelectMany(i => i.Schema.Names)));
    }

    // The one column a bare name means.
    private ColumnRef OnlyColumn(NameSyntax name, Column column, int input, bool known, bool parameter)
    {
        // Where the program writes the parameter as @name, a bare name is plainly the column.
        if (parameter && known && !_scope.Parameters.IsWrittenWithAt(name.Name))
            Report(DiagnosticCodes.ParameterShadowed, name,
                $"'{name.Name}' is both a column and a parameter; the column is used", $"write @{name.Name} for the parameter");
        return ExprFactory.Column(column, input);
    }

    private string Qualified(int input, string column)
    {
        var scopeInput = _scope.Inputs[input];
        // The relation as the step sees it (the let name), not a source that an earlier join combined.
        if (scopeInput.Qualifier is { } own && scopeInput.Schema.Contains(column)) return $"'{own}.{column}'";
        var alias = scopeInput.Aliases.FirstOrDefault(a => string.Equals(a.Column, column, StringComparison.OrdinalIgnoreCase));
        if (alias is not null) return $"'{alias.Qualifier}.{alias.Name}'";
        return scopeInput.Qualifier is { } q ? $"'{q}.{column}'" : $"'{column}' of input {input + 1}";
    }

    private static string Available(IEnumerable<string> names)
    {
        var list = names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count == 0) return "";
        var shown = string.Join(", ", list.Take(30));
        return "available columns: " + shown + (list.Count > 30 ? $", and {list.Count - 30} more" : "");
    }

    private Expr? BindParameter(SyntaxNode site, string name)
    {
        if (_scope.Parameters.Find(name) is { } parameter)
            return Measured(new ParamRef(parameter.Name, parameter.Type), parameter.Dimension);
        var names = _scope.Parameters.Names.ToList();
        return Fail(DiagnosticCodes.UnknownParameter, site, $"unknown parameter '@{name}'",
            NameSuggestions.DidYouMean(name, names, "@"),
            names.Count == 0 ? "declare it: param name: type = value" : "parameters: " + string.Join(", ", names.Order(StringComparer.OrdinalIgnoreCase).Select(p => "@" + p)));
    }

    private Expr? BindLiteral(LiteralSyntax literal) => literal.Kind switch
    {
        LiteralKind.Integer => LiteralValues.Integer(literal.Text) switch
        {
            long l => Literal.Int(l),
            decimal d => Literal.Decimal(d),
            _ => Fail(DiagnosticCodes.InvalidNumber, literal, $"the number {literal.Text} is too large"),
        },
        LiteralKind.Float => LiteralValues.Float(literal.Text) is { } d ? Literal.Float(d) : Fail(DiagnosticCodes.InvalidNumber, literal, $"the number {literal.Text} is out of range"),
        LiteralKind.String => Literal.String(literal.Text),
        LiteralKind.True => Literal.Bool(true),
        LiteralKind.False => Literal.Bool(false),
        _ => Literal.Null(),
    };

    private Expr? BindTypedLiteral(TypedLiteralSyntax literal) => literal.Kind switch
    {
        TypedLiteralKind.Date when LiteralValues.Date(literal.Value) is { } d => Literal.Date(d),
        TypedLiteralKind.Timestamp when LiteralValues.Timestamp(literal.Value) is { } t => Literal.Timestamp(t),
        TypedLiteralKind.Decimal when LiteralValues.Decimal(literal.Value) is { } m => Literal.Decimal(m),
        _ => Fail(DiagnosticCodes.InvalidTypedLiteral, literal, $"'{literal.Value}' is not a valid {literal.Kind.ToString().ToLowerInvariant()}"),
    };

    /// <summary>
    /// <c>500 m</c> is 500.0 (meters), <c>2 km</c> 2000.0, <c>1 km2</c> 1000000.0 (square meters),
    /// <c>@r km</c> is <c>@r * 1000.0</c>: the conversions of Components/Units, shared with the canvas importer.
    /// </summary>
    private Expr? BindQuantity(QuantitySyntax quantity)
    {
        if (TimeUnits.Parse(quantity.Unit) is not null) return MisplacedInterval(quantity);
        var operand = Bind(quantity.Value);
        if (operand is null) return null;
        if (!operand.Type.IsNumeric() && operand.Type != SqlType.Unknown)
            return Fail(DiagnosticCodes.TypeMismatch, quantity.Value, $"a unit needs a number, but this is {operand.Type.Name()}");
        if (DimensionOf(operand) is { IsPlain: false } measured)
            return Fail(DiagnosticCodes.WrongUnit, quantity, $"'{Text(quantity.Value)}' is {measured.Describe()} already, so it takes no unit; remove '{quantity.Unit}'",
                "a unit follows a plain number: 2 km; a parameter declared with a unit (param r = 2 km) is used as it is");
        if (Units.ParseLength(quantity.Unit) is { } length) return Measured(Units.ToMeters(operand, length), Dimension.Length);
        if (Units.ParseArea(quantity.Unit) is { } area) return Measured(Units.ToSquareMeters(operand, area), Dimension.Area);
        return Fail(DiagnosticCodes.WrongUnit, quantity, $"unknown unit '{quantity.Unit}'");
    }

    private Expr? BindUnary(UnarySyntax unary)
    {
        var operand = Bind(unary.Operand);
        if (operand is null) return null;
        switch (unary.Operator)
        {
            case UnaryOperator.Not:
                if (Typing.Unary(UnaryOp.Not, operand.Type) is null)
                    return Fail(DiagnosticCodes.OperatorTypeMismatch, unary, $"'not' needs a bool operand, but this is {operand.Type.Name()}");
                return ExprFactory.Not(operand);
            default:
                if (Typing.Unary(UnaryOp.Negate, operand.Type) is null)
                    return Fail(DiagnosticCodes.OperatorTypeMismatch, unary,
                        $"'{(unary.Operator == UnaryOperator.Minus ? "-" : "+")}' needs a number, but this is {operand.Type.Name()}");
                if (unary.Operator == UnaryOperator.Plus) return operand;
                return Measured(operand switch
                {
                    Literal { Value: long l } when l != long.MinValue => Literal.Int(-l),
                    Literal { Value: decimal m } when m == 9223372036854775808m => Literal.Int(long.MinValue),
                    Literal { Value: decimal m } => Literal.Decimal(-m),
                    Literal { Value: double d } => Literal.Float(-d),
                    _ => ExprFactory.Unary(UnaryOp.Negate, operand),
                }, DimensionOf(operand));
        }
    }

    private Expr? BindBinary(BinarySyntax binary)
    {
        if (binary.Operator is BinaryOperator.Add or BinaryOperator.Subtract && (IsInterval(binary.Left) || IsInterval(binary.Right)))
            return BindDateArithmetic(binary);
        var left = Bind(binary.Left);
        var right = Bind(binary.Right);
        if (left is null || right is null) return null;
        var op = Operator(binary.Operator);
        if (Typing.Binary(op, left.Type, right.Type) is not null) return BinaryOfQuantities(binary, op, left, right);

        string symbol = ExpressionPrinter.Operator(binary.Operator);
        string types = $"{left.Type.Name()} and {right.Type.Name()}";
        switch (op)
        {
            case BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual:
                if (left.Type == SqlType.Geography || right.Type == SqlType.Geography)
                    return Fail(DiagnosticCodes.NotComparable, binary, $"geography values cannot be compared with '{symbol}'",
                        "test a spatial relation instead, for example intersects(a, b), or compare st_astext(a)");
                return Fail(DiagnosticCodes.OperatorTypeMismatch, binary, $"cannot compare {left.Type.Name()} with {right.Type.Name()} ('{symbol}')", ComparisonHint(left, right));
            case BinaryOp.And or BinaryOp.Or:
                var (side, type) = left.Type is SqlType.Bool or SqlType.Unknown ? ("right", right.Type) : ("left", left.Type);
                return Fail(DiagnosticCodes.OperatorTypeMismatch, binary, $"'{symbol}' needs bool operands, but the {side} one is {type.Name()}",
                    "compare it, for example x > 0 or x is not null");
            case BinaryOp.Modulo:
                return Fail(DiagnosticCodes.OperatorTypeMismatch, binary, $"'%' needs int64 operands, but these are {types}",
                    "cast them: cast(x as int64) % 2");
            case BinaryOp.Concat:
                return Fail(DiagnosticCodes.OperatorTypeMismatch, binary, $"'||' joins strings, but these are {types}",
                    "cast the other values to string: cast(x as string)");
            default:
                return Fail(DiagnosticCodes.OperatorTypeMismatch, binary, $"'{symbol}' does not apply to {types}",
                    left.Type == SqlType.String || right.Type == SqlType.String ? "to join strings, use ||"
                    : left.Type.IsTemporal() || right.Type.IsTemporal() ? "add an interval to a date or timestamp (d + 7 days); count the days between two with date_diff('day', a, b)"
                    : "");
        }
    }

    // Types fit; now what the operands measure: comparing or adding an area and a length is CWF2022.
    private Expr? BinaryOfQuantities(BinarySyntax binary, BinaryOp op, Expr left, Expr right)
    {
        Dimension l = DimensionOf(left), r = DimensionOf(right);
        var result = ExprFactory.Binary(op, left, right);
        switch (op)
        {
            case BinaryOp.Multiply:
                return Measured(result, l.Times(r));
            case BinaryOp.Divide:
                return Measured(result, l.Per(r));
            case BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Equal or BinaryOp.NotEqual
                or BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual:
                if (!l.IsCompatibleWith(r))
                {
                    string symbol = ExpressionPrinter.Operator(binary.Operator);
                    string verb = op switch { BinaryOp.Add => "add", BinaryOp.Subtract => "subtract", _ => "compare" };
                    string joiner = op switch { BinaryOp.Add => "to", BinaryOp.Subtract => "from", _ => "with" };
                    var (first, second) = op is BinaryOp.Add or BinaryOp.Subtract ? (r, l) : (l, r);
                    return Fail(DiagnosticCodes.WrongUnit, binary, $"cannot {verb} {first.Describe()} {joiner} {second.Describe()} ('{symbol}')",
                        UnitsHint);
                }
                return op is BinaryOp.Add or BinaryOp.Subtract ? Measured(result, l.CommonWith(r)) : result;
            default:
                return result;
        }
    }

    private const string UnitsHint =
        "lengths are in m, km, mi or ft (st_length and st_distance give meters), areas in m2, km2, mi2 or ha (st_area gives square meters)";

    // Suggests the literal of the other side's type only when the quoted text is one: unquoting a word would make it a column name.
    private static string ComparisonHint(Expr left, Expr right)
    {
        var (literal, other) = left is Literal ? (left, right) : (right, left);
        if (literal is not Literal { Value: string text }) return "cast one side: cast(x as type)";
        if (other.Type.IsNumeric())
            return LiteralValues.Float(text) is not null ? $"remove the quotes: {text.Trim()}"
                : $"'{text}' is not a number: compare with a number, or compare text with text: cast({other} as string) = '{text}'";
        if (other.Type == SqlType.Date)
            return LiteralValues.Date(text) is not null ? $"write a date literal: date '{text.Trim()}'"
                : $"'{text}' is not a date: write one as date 'YYYY-MM-DD'";
        if (other.Type == SqlType.Timestamp)
            return LiteralValues.Timestamp(text) is not null ? $"write a timestamp literal: timestamp '{text.Trim()}'"
                : $"'{text}' is not a timestamp: write one as timestamp 'YYYY-MM-DD HH:MM:SS'";
        return "cast one side: cast(x as type)";
    }

    private Expr? BindInList(InListSyntax inList)
    {
        var operand = Bind(inList.Operand);
        var items = inList.Items.Select(Bind).ToList();
        if (operand is null || items.Any(i => i is null)) return null;
        if (!CommonComparable(inList, "'in'", [operand, .. items!])) return null;
        return ExprFactory.InList(operand, items!, inList.Negated);
    }

    private Expr? BindBetween(BetweenSyntax between)
    {
        var operand = Bind(between.Operand);
        var low = Bind(between.Low);
        var high = Bind(between.High);
        if (operand is null || low is null || high is null) return null;
        if (!CommonComparable(between, "'between'", [operand, low, high])) return null;
        return ExprFactory.Between(operand, low, high, between.Negated);
    }

    private bool CommonComparable(SyntaxNode site, string what, IReadOnlyList<Expr> values)
    {
        if (values.Any(v => v.Type == SqlType.Geography))
        {
            Report(DiagnosticCodes.NotComparable, site, $"geography values cannot be compared with {what}");
            return false;
        }
        var common = SqlType.Unknown;
        foreach (var v in values)
        {
            if (SqlTypeFacts.CommonType(common, v.Type) is { } next)
            {
                common = next;
                continue;
            }
            Report(DiagnosticCodes.TypeMismatch, site, $"the values of {what} do not have one type: {common.Name()} and {v.Type.Name()}",
                "cast them to one type");
            return false;
        }
        return CommonDimension(site, $"the values of {what}", values) is not null;
    }

    /// <summary>What values that stand for one another (compared, or chosen between) measure; null after reporting that they differ (CWF2022).</summary>
    private Dimension? CommonDimension(SyntaxNode site, string what, IEnumerable<Expr> values)
    {
        var common = Dimension.Plain;
        foreach (var value in values)
        {
            var dimension = DimensionOf(value);
            if (!common.IsCompatibleWith(dimension))
            {
                Report(DiagnosticCodes.WrongUnit, site, $"{what} measure different things: {common.Describe()} and {dimension.Describe()}", UnitsHint);
                return null;
            }
            common = common.CommonWith(dimension);
        }
        return common;
    }

    private Expr? BindLike(LikeSyntax like)
    {
        var operand = Bind(like.Operand);
        var pattern = Bind(like.Pattern);
        if (operand is null || pattern is null) return null;
        foreach (var (value, site) in new[] { (operand, like.Operand), (pattern, like.Pattern) })
            if (value.Type is not (SqlType.String or SqlType.Unknown))
                return Fail(DiagnosticCodes.TypeMismatch, site, $"'like' works on strings, but this is {value.Type.Name()}", "cast it: cast(x as string)");
        return ExprFactory.Like(operand, pattern, like.Negated);
    }

    private Expr? BindCase(CaseSyntax @case)
    {
        var operand = @case.Operand is null ? null : Bind(@case.Operand);
        bool ok = @case.Operand is null || operand is not null;
        var whens = new List<WhenClause>();
        foreach (var when in @case.Whens)
        {
            var condition = Bind(when.Condition);
            var result = Bind(when.Result);
            if (condition is null || result is null || !ok)
            {
                ok = false;
                continue;
            }
            if (operand is not null)
            {
                if (!CommonComparable(when.Condition, "'case'", [operand, condition]))
                {
                    ok = false;
                    continue;
                }
                condition = ExprFactory.Eq(operand, condition);
            }
            else if (condition.Type is not (SqlType.Bool or SqlType.Unknown))
            {
                Report(DiagnosticCodes.TypeMismatch, when.Condition, $"a 'when' condition must be bool, but this is {condition.Type.Name()}",
                    "write 'case x when value then ...' to compare x with values");
                ok = false;
                continue;
            }
            whens.Add(new WhenClause(condition, result));
        }
        var @else = @case.Else is null ? null : Bind(@case.Else);
        if (!ok || (@case.Else is not null && @else is null)) return null;
        return CaseOf(@case, whens, @else);
    }

    private Expr? CaseOf(SyntaxNode site, List<WhenClause> whens, Expr? @else)
    {
        var type = SqlType.Unknown;
        foreach (var result in whens.Select(w => w.Result).Append(@else).OfType<Expr>())
        {
            if (SqlTypeFacts.CommonType(type, result.Type) is { } next)
            {
                type = next;
                continue;
            }
            return Fail(DiagnosticCodes.TypeMismatch, site, $"the results have no common type: {type.Name()} and {result.Type.Name()}",
                "cast them to one type");
        }
        return CommonDimension(site, "the results", whens.Select(w => w.Result).Append(@else).OfType<Expr>()) is { } dimension
            ? Measured(ExprFactory.Case(whens, @else), dimension)
            : null;
    }

    private Expr? BindCast(CastSyntax cast)
    {
        var operand = Bind(cast.Operand);
        var type = ResolveType(cast.Type);
        if (operand is null || type is null) return null;
        if (!Typing.CanCast(operand.Type, type.Value))
            return Fail(DiagnosticCodes.InvalidCast, cast, $"cannot cast {operand.Type.Name()} to {type.Value.Name()}");
        if (operand is Literal { Value: null }) return Literal.Null(type.Value);
        // A number cast to another number type keeps what it measures.
        return Measured(ExprFactory.Cast(operand, type.Value), type.Value.IsNumeric() ? DimensionOf(operand) : Dimension.Plain);
    }

    /// <summary>Resolves a written type name, reporting CWF2013 when it is unknown.</summary>
    internal SqlType? ResolveType(TypeSyntax type)
    {
        if (Catalog.SqlTypeNames.TryParse(type.Text) is { } resolved) return resolved;
        Report(DiagnosticCodes.UnknownType, type, $"unknown type '{type.Text}'",
            NameSuggestions.DidYouMean(type.Text, Catalog.SqlTypeNames.CwfNames),
            "types: " + string.Join(", ", Catalog.SqlTypeNames.CwfNames));
        return null;
    }

    // ---------------------------------------------------------------------------------------
    // Calls

    private Expr? BindCall(CallSyntax call)
    {
        var name = FunctionCatalog.UnqualifiedName([.. call.Name.Select(n => n.Name)]);
        if (name is not null && FunctionCatalog.FindAggregate(name) is not null)
        {
            if (_insideAggregate)
                return Fail(DiagnosticCodes.NestedAggregate, call, $"'{call.FullName}' is an aggregate inside another aggregate",
                    "aggregate in two steps: group first, then group or summarize again");
            return Fail(DiagnosticCodes.AggregateNotAllowed, call, $"aggregate function '{call.FullName}' is not allowed in {_options.Context}",
                "aggregates belong in 'group by ... { name: agg(x) }' or 'summarize { ... }'");
        }
        if (!call.OrderBy.IsEmpty)
            return Fail(DiagnosticCodes.AggregateOrder, call.OrderBy[0].Expression, $"'order by' inside {call.FullName}(...) is only for the ordered aggregate st_makeline_agg",
                "sort the rows in a sort step instead");
        if (name is not null && FunctionCatalog.IsConditional(name)) return BindConditional(call);
        if (name is not null && IsTimeForm(name)) return BindTimeForm(call, name);
        if (name is not null && WindowFunctions.WindowOnlyNames.Contains(name.ToLowerInvariant()))
            return Fail(DiagnosticCodes.WindowNeedsOver, call, $"{name} is a window function: it needs over (...)",
                $"derive name = {name.ToLowerInvariant()}(...) over (partition by key order by column)");

        var candidates = name is null ? null : FunctionCatalog.Find(name);
        var args = call.Arguments.Select(Bind).ToList();
        if (candidates is null)
        {
            return Fail(DiagnosticCodes.UnknownFunction, call, $"unknown function '{call.FullName}'",
                NameSuggestions.DidYouMean(call.FunctionName, FunctionCatalog.AllNames),
                "spec/language.md lists the functions; the sql step can run anything else");
        }
        if (args.Any(a => a is null)) return null;
        if (call.Distinct)
            return Fail(DiagnosticCodes.DistinctNotSupported, call, $"'distinct' is only allowed in count(distinct x), not in {call.FullName}()");

        var types = args.Select(a => a!.Type).ToList();
        var fitting = candidates.Where(f => types.Count >= f.MinArgs && types.Count <= f.MaxArgs).ToList();
        if (fitting.Count == 0)
        {
            var f = candidates[0];
            string expected = f.Variadic ? $"at least {f.MinArgs}" : f.MinArgs == f.MaxArgs ? $"{f.MinArgs}" : $"{f.MinArgs} to {f.MaxArgs}";
            return Fail(DiagnosticCodes.WrongArgumentCount, call,
                $"{call.FullName} takes {expected} argument{(expected == "1" ? "" : "s")}, but {types.Count} {(types.Count == 1 ? "was" : "were")} given",
                f.Description);
        }
        foreach (var f in fitting)
        {
            // A date is read as its midnight where a timestamp is expected (hour(d) is 0).
            var widened = types.Select((t, i) => t == SqlType.Date && f.ParameterAt(i) == ArgKind.Timestamp ? SqlType.Timestamp : t).ToList();
            if (Typing.Call(f, widened) is not null)
                return CallOfQuantities(call, f, [.. args.Select((a, i) => widened[i] == types[i] ? a : ExprFactory.Cast(a!, SqlType.Timestamp))]);
        }
        return ReportArgumentTypes(call, fitting, args!);
    }

    // Types fit; now what the arguments measure: a distance must be a length, a coordinate a plain number (CWF2022).
    private Expr? CallOfQuantities(CallSyntax call, BuiltinFunction function, List<Expr?> args)
    {
        var dimensions = args.Select(a => DimensionOf(a!)).ToList();
        for (int i = 0; i < args.Count; i++)
        {
            // A plain number fits a length (it is read in meters), but a coordinate or an exponent takes no unit.
            if (FunctionDimensions.Expected(function, i) is not { } expected
                || (expected.Dimension.IsPlain ? dimensions[i].IsPlain : dimensions[i].IsCompatibleWith(expected.Dimension)))
                continue;
            return Fail(DiagnosticCodes.WrongUnit, call.Arguments[i],
                $"{expected.Role} must be {(expected.Dimension.IsPlain ? "a plain number" : expected.Dimension.Describe())}, but this is {dimensions[i].Describe()}",
                expected.Dimension.IsPlain ? "remove the unit" : "write a length such as 500 m or 2 km (a plain number is meters)");
        }
        if (FunctionDimensions.ArgumentsMustAgree(function) && CommonDimension(call, $"the arguments of {call.FullName}", args!) is null)
            return null;
        return Measured(ExprFactory.Call(function, [.. args!]), FunctionDimensions.Result(function, dimensions));
    }

    private Expr? ReportArgumentTypes(CallSyntax call, List<BuiltinFunction> candidates, List<Expr?> args)
    {
        var f = candidates[0];
        if (f.Result == ResultRule.CommonOfArgs)
            return Fail(DiagnosticCodes.WrongArgumentType, call,
                $"the arguments of {call.FullName} have no common type: {string.Join(", ", args.Select(a => a!.Type.Name()))}", "cast them to one type");
        for (int i = 0; i < args.Count; i++)
        {
            var accepted = candidates.Where(c => Typing.ArgAccepts(c.ParameterAt(i), args[i]!.Type)).ToList();
            if (accepted.Count > 0) continue;
            var kinds = string.Join(" or ", candidates.Select(c => Describe(c.ParameterAt(i))).Distinct());
            string position = args.Count == 1 ? "the argument" : $"argument {i + 1}";
            return Fail(DiagnosticCodes.WrongArgumentType, call.Arguments[i],
                $"{position} of {call.FullName} must be {kinds}, but this is {args[i]!.Type.Name()}",
                string.Join("; ", candidates.Select(c => c.Description)));
        }
        return Fail(DiagnosticCodes.WrongArgumentType, call, $"{call.FullName} does not accept ({string.Join(", ", args.Select(a => a!.Type.Name()))})",
            f.Description);
    }

    private static string Describe(ArgKind kind) => kind switch
    {
        ArgKind.Numeric => "a number",
        ArgKind.Integer => "an int64",
        ArgKind.String => "a string",
        ArgKind.Bool => "a bool",
        ArgKind.Date => "a date",
        ArgKind.Temporal => "a date or timestamp",
        ArgKind.Timestamp => "a timestamp",
        ArgKind.Geography => "a geography",
        _ => "a value",
    };

    // if(c, a, b) and iif(c, a, b) are CASE WHEN c THEN a ELSE b END.
    private Expr? BindConditional(CallSyntax call)
    {
        if (call.Arguments.Count != 3)
            return Fail(DiagnosticCodes.WrongArgumentCount, call, $"{call.FullName} takes 3 arguments (condition, then, else), but {call.Arguments.Count} were given");
        var args = call.Arguments.Select(Bind).ToList();
        if (args.Any(a => a is null)) return null;
        if (args[0]!.Type is not (SqlType.Bool or SqlType.Unknown))
            return Fail(DiagnosticCodes.WrongArgumentType, call.Arguments[0], $"the condition of {call.FullName} must be bool, but this is {args[0]!.Type.Name()}");
        return CaseOf(call, [new WhenClause(args[0]!, args[1]!)], args[2]);
    }

    // ---------------------------------------------------------------------------------------
    // Aggregates

    private AggregateCall? BindAggregateCore(ExpressionSyntax syntax, string? name, SyntaxNode nameSite)
    {
        var inner = Unparenthesized(syntax);
        var function = inner is CallSyntax c && FunctionCatalog.UnqualifiedName([.. c.Name.Select(n => n.Name)]) is { } fn
            ? FunctionCatalog.FindAggregate(fn)
            : null;
        if (inner is not CallSyntax call || function is null)
        {
            bool containsAggregate = syntax.Children.Any(ContainsAggregate);
            Report(DiagnosticCodes.InvalidAggregate, syntax,
                containsAggregate ? "an aggregate item must be a single aggregate call" : "this is not an aggregate",
                containsAggregate ? "compute the total first, then derive from it in a later step"
                    : "use count(), count(x), count(distinct x), sum(x), avg(x), min(x), max(x), or of a geography st_union_agg(g), st_collect(g), st_extent(g), st_convexhull_agg(g), st_centroid_agg(g), st_makeline_agg(g order by t)");
            return null;
        }

        var kind = function.Value;
        Expr? argument = null;
        if (kind == AggregateFunction.Count && (call.Arguments.Count == 0 || call.Arguments is [StarSyntax]))
        {
            if (call.Distinct)
            {
                Report(DiagnosticCodes.DistinctNotSupported, call, "count(distinct *) is not supported", "count the distinct values of one column: count(distinct x)");
                return null;
            }
            kind = AggregateFunction.CountAll;
        }
        else
        {
            if (call.Arguments.Count != 1)
            {
                Report(DiagnosticCodes.WrongArgumentCount, call, $"{call.FunctionName} takes one argument, but {call.Arguments.Count} were given");
                return null;
            }
            if (call.Distinct)
            {
                if (kind != AggregateFunction.Count)
                {
                    Report(DiagnosticCodes.DistinctNotSupported, call, $"'distinct' is only supported in count(distinct x), not in {call.FunctionName}");
                    return null;
                }
                kind = AggregateFunction.CountDistinct;
            }
            _insideAggregate = true;
            try
            {
                argument = Bind(call.Arguments[0]);
            }
            finally
            {
                _insideAggregate = false;
            }
            if (argument is null) return null;
            if (!CheckAggregateArgument(kind, call, argument)) return null;
        }
        if (AggregateOrder(kind, call, argument) is not { } order) return null;

        var method = ComponentLowering.MethodName(kind);
        var outputName = name ?? (kind == AggregateFunction.CountAll ? "count" : argument is ColumnRef column ? $"{column.Name}_{method}" : null);
        if (outputName is null)
        {
            Report(DiagnosticCodes.UnnamedColumn, nameSite, "this aggregate needs a name", $"write it as 'name: {kind.CwfName()}(...)'");
            return null;
        }
        return new AggregateCall(outputName, kind, argument, order);
    }

    /// <summary>
    /// The order of a make line (required, with the tie-breakers of <see cref="AggregateCall.LineOrder"/>);
    /// empty for the other aggregates, which take none. Null after reporting a mistake.
    /// </summary>
    private Seq<WindowKey>? AggregateOrder(AggregateFunction kind, CallSyntax call, Expr? argument)
    {
        if (kind != AggregateFunction.MakeLine)
        {
            if (call.OrderBy.IsEmpty) return Seq<WindowKey>.Empty;
            Report(DiagnosticCodes.AggregateOrder, call.OrderBy[0].Expression, $"{call.FunctionName} takes no order: only st_makeline_agg joins its values in an order",
                $"write {call.FunctionName}(x) without 'order by'");
            return null;
        }
        if (call.OrderBy.IsEmpty)
        {
            Report(DiagnosticCodes.AggregateOrder, call, $"{call.FunctionName} needs an order: the line joins the points in it",
                $"write {call.FunctionName}({(call.Arguments.Count > 0 ? ExpressionPrinter.Print(call.Arguments[0]) : "geom")} order by ts)");
            return null;
        }
        _insideAggregate = true;
        try
        {
            return BindWindowKeys(call.OrderBy) is { } keys ? AggregateCall.LineOrder(argument!, keys) : null;
        }
        finally
        {
            _insideAggregate = false;
        }
    }

    private bool CheckAggregateArgument(AggregateFunction kind, CallSyntax call, Expr argument)
    {
        var type = argument.Type;
        if (kind is AggregateFunction.Sum or AggregateFunction.Avg && !(type.IsNumeric() || type == SqlType.Unknown))
        {
            Report(DiagnosticCodes.InvalidAggregation, call.Arguments[0], $"{call.FunctionName} needs a number, but this is {type.Name()}",
                "count(x) counts values of any type");
            return false;
        }
        if (kind.IsSpatial() && type is not (SqlType.Geography or SqlType.Unknown))
        {
            Report(DiagnosticCodes.InvalidAggregation, call.Arguments[0], $"{call.FunctionName} aggregates geographies, but this is {type.Name()}",
                "pass a geography column, or build one first (point, st_geogfromtext)");
            return false;
        }
        if (kind is AggregateFunction.Min or AggregateFunction.Max or AggregateFunction.CountDistinct && type == SqlType.Geography)
        {
            Report(DiagnosticCodes.InvalidAggregation, call.Arguments[0], $"{(kind == AggregateFunction.CountDistinct ? "count(distinct ...)" : call.FunctionName)} cannot be applied to a geography value",
                "aggregate st_astext(geom) instead, or drop the geography column");
            return false;
        }
        return true;
    }

    private static bool ContainsAggregate(ExpressionSyntax syntax)
    {
        var stack = new Stack<ExpressionSyntax>();
        stack.Push(syntax);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is CallSyntax c && FunctionCatalog.UnqualifiedName([.. c.Name.Select(n => n.Name)]) is { } n && FunctionCatalog.FindAggregate(n) is not null)
                return true;
            foreach (var child in node.Children) stack.Push(child);
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------
    // Operators and diagnostics

    private static BinaryOp Operator(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => BinaryOp.Or,
        BinaryOperator.And => BinaryOp.And,
        BinaryOperator.Equal => BinaryOp.Equal,
        BinaryOperator.NotEqual => BinaryOp.NotEqual,
        BinaryOperator.Less => BinaryOp.Less,
        BinaryOperator.LessOrEqual => BinaryOp.LessOrEqual,
        BinaryOperator.Greater => BinaryOp.Greater,
        BinaryOperator.GreaterOrEqual => BinaryOp.GreaterOrEqual,
        BinaryOperator.Concat => BinaryOp.Concat,
        BinaryOperator.Add => BinaryOp.Add,
        BinaryOperator.Subtract => BinaryOp.Subtract,
        BinaryOperator.Multiply => BinaryOp.Multiply,
        BinaryOperator.Divide => BinaryOp.Divide,
        _ => BinaryOp.Modulo,
    };

    internal Location Locate(SyntaxNode node) =>
        _options.Locate is { } locate ? locate(node.Span)
        : _source is not null ? new SourceLocation(_source, node.Span)
        : new FileLocation(null);

    internal void Report(DiagnosticDescriptor descriptor, SyntaxNode site, string message, params string[] hints) =>
        _diagnostics.Report(descriptor, Locate(site), message, hints);

    /// <summary>Records what a bound expression measures (plain numbers are not recorded) and returns it.</summary>
    private Expr Measured(Expr expr, Dimension dimension)
    {
        if (!dimension.IsPlain) (_dimensions ??= new(ReferenceEqualityComparer.Instance))[expr] = dimension;
        return expr;
    }

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax syntax)
    {
        while (syntax is ParenthesizedSyntax p) syntax = p.Inner;
        return syntax;
    }

    /// <summary>The text of a node as written, for messages.</summary>
    private string Text(SyntaxNode node) => _source?.ToString(node.Span) ?? "this value";

    private Expr? Fail(DiagnosticDescriptor descriptor, SyntaxNode site, string message, params string[] hints)
    {
        Report(descriptor, site, message, hints);
        return null;
    }
}
