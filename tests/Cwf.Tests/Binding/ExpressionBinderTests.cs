using Cwf.Binding;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.Tests.Binding;

public class ExpressionBinderTests
{
    private static readonly Schema Stores = new([
        new Column("store_id", SqlType.Int64, false), new Column("name", SqlType.String), new Column("revenue", SqlType.Float64),
        new Column("opened", SqlType.Date), new Column("geom", SqlType.Geography), new Column("staff", SqlType.Int64)]);

    private static readonly Schema Blocks = new([
        new Column("block_id", SqlType.Int64), new Column("pop", SqlType.Int64), new Column("geom", SqlType.Geography)]);

    private static readonly Dictionary<string, SqlType> Parameters = new() { ["radius"] = SqlType.Float64, ["top"] = SqlType.Int64 };

    private static ExpressionScope StoresScope => ExpressionScope.Single(Stores, "stores", Parameters);

    private static BoundExpression Bind(string text, ExpressionScope? scope = null, ExpressionBinderOptions? options = null)
    {
        var source = SourceText.From(text);
        var parsed = CwfParser.ParseExpression(source);
        Assert.True(parsed.Diagnostics.IsEmpty, string.Join("\n", parsed.Diagnostics));
        return ExpressionBinder.Bind(parsed.Syntax!, scope ?? StoresScope, source, options);
    }

    private static Expr Ok(string text, ExpressionScope? scope = null)
    {
        var bound = Bind(text, scope);
        Assert.True(bound.Diagnostics.IsEmpty, string.Join("\n", bound.Diagnostics));
        return bound.Expr!;
    }

    private static Diagnostic Error(string text, ExpressionScope? scope = null, ExpressionBinderOptions? options = null)
    {
        var bound = Bind(text, scope, options);
        Assert.Null(bound.Expr);
        return Assert.Single(bound.Diagnostics, d => d.IsError);
    }

    [Theory]
    [InlineData("revenue * 2 > 100", "((revenue * 2) > 100)", SqlType.Bool)]
    [InlineData("staff / 2", "(staff / 2)", SqlType.Float64)]
    [InlineData("staff + 1", "(staff + 1)", SqlType.Int64)]
    [InlineData("staff + 1.5", "(staff + 1.5)", SqlType.Float64)]
    [InlineData("-5", "-5", SqlType.Int64)]
    [InlineData("name || 'x'", "(name || 'x')", SqlType.String)]
    [InlineData("buffer(geom, 2 km)", "st_buffer(geom, 2000.0)", SqlType.Geography)]
    [InlineData("st_dwithin(geom, geom, 500 m)", "st_dwithin(geom, geom, 500.0)", SqlType.Bool)]
    [InlineData("area(geom) / 1 km2", "(st_area(geom) / 1000000.0)", SqlType.Float64)]
    [InlineData("buffer(geom, @radius km)", "st_buffer(geom, (@radius * 1000.0))", SqlType.Geography)]
    [InlineData("revenue > radius", "(revenue > @radius)", SqlType.Bool)]
    [InlineData("length(name) + length(geom)", "(length(name) + st_length(geom))", SqlType.Float64)]
    [InlineData("cast(staff as string)", "cast(staff as string)", SqlType.String)]
    [InlineData("staff::float64", "cast(staff as float64)", SqlType.Float64)]
    [InlineData("null::int64", "null::int64", SqlType.Int64)]
    [InlineData("case when staff > 10 then 'big' else 'small' end", "case when (staff > 10) then 'big' else 'small' end", SqlType.String)]
    [InlineData("case staff when 1 then 1.5 end", "case when (staff = 1) then 1.5 end", SqlType.Float64)]
    [InlineData("if(staff > 1, staff, 0)", "case when (staff > 1) then staff else 0 end", SqlType.Int64)]
    [InlineData("opened >= date '2020-01-01'", "(opened >= date '2020-01-01')", SqlType.Bool)]
    [InlineData("name in ('a', 'b') and staff between 1 and 5", "((name in ('a', 'b')) and (staff between 1 and 5))", SqlType.Bool)]
    [InlineData("coalesce(revenue, staff)", "coalesce(revenue, staff)", SqlType.Float64)]
    [InlineData("carto.H3_FROMGEOGPOINT(geom, 8)", "h3_from_point(geom, 8)", SqlType.String)]
    [InlineData("stores.revenue", "revenue", SqlType.Float64)]
    public void Binds_to_typed_ir(string text, string expected, SqlType type)
    {
        var expr = Ok(text);
        Assert.Equal(expected, expr.ToString());
        Assert.Equal(type, expr.Type);
    }

    [Fact]
    public void Nullability_follows_the_columns()
    {
        Assert.False(Ok("store_id + 1").Nullable);
        Assert.True(Ok("staff + 1").Nullable);
        Assert.False(Ok("staff is null").Nullable);
    }

    [Fact]
    public void Unknown_column_suggests_and_lists_columns()
    {
        var d = Error("revnue > 1");
        Assert.Equal(DiagnosticCodes.UnknownColumn, d.Descriptor);
        Assert.Equal("unknown column 'revnue' in 'stores'", d.Message);
        Assert.Contains("did you mean 'revenue'?", d.Hints);
        Assert.Contains(d.Hints, h => h.StartsWith("available columns: store_id, name, revenue"));
        var location = Assert.IsType<SourceLocation>(d.Location);
        Assert.Equal(new TextSpan(0, 6), location.Span);
    }

    [Fact]
    public void Independent_mistakes_are_all_reported()
    {
        var bound = Bind("revnue > 1 and nmae = 'x'");
        Assert.Null(bound.Expr);
        Assert.Equal(["'revnue'", "'nmae'"], bound.Diagnostics.Select(d => d.Message.Split(' ')[2]));
    }

    [Fact]
    public void Join_scopes_resolve_qualified_names_and_reject_ambiguous_ones()
    {
        var scope = ExpressionScope.Join(new ScopeInput(Stores, "stores"), new ScopeInput(Blocks, "blocks"));
        var expr = Assert.IsType<Call>(Ok("intersects(stores.geom, blocks.geom)", scope));
        Assert.Equal(0, Assert.IsType<ColumnRef>(expr.Args[0]).Input);
        Assert.Equal(1, Assert.IsType<ColumnRef>(expr.Args[1]).Input);
        Assert.Equal(1, Assert.IsType<ColumnRef>(Ok("pop", scope)).Input);

        var d = Error("intersects(geom, blocks.geom)", scope);
        Assert.Equal(DiagnosticCodes.AmbiguousColumn, d.Descriptor);
        Assert.Contains("'stores.geom' or 'blocks.geom'", d.Message);

        var q = Error("blokcs.pop", scope);
        Assert.Equal("unknown relation 'blokcs' in 'blokcs.pop'", q.Message);
        Assert.Contains("did you mean 'blocks'?", q.Hints);
    }

    [Fact]
    public void Aliases_keep_the_names_of_joined_relations()
    {
        var joined = new Schema([new Column("store_id", SqlType.Int64), new Column("pop_joined", SqlType.Int64)]);
        var scope = new ExpressionScope([new ScopeInput(joined, null, [new ColumnAlias("blocks", "pop", "pop_joined"), new ColumnAlias("stores", "store_id", "store_id")])]);
        Assert.Equal("pop_joined", Assert.IsType<ColumnRef>(Ok("blocks.pop", scope)).Name);
        Assert.Equal("pop_joined", Assert.IsType<ColumnRef>(Ok("pop", scope)).Name);
        Assert.Equal("store_id", Assert.IsType<ColumnRef>(Ok("stores.store_id", scope)).Name);
    }

    [Fact]
    public void Parameters_resolve_with_and_without_at()
    {
        Assert.Equal(new ParamRef("top", SqlType.Int64), Ok("@top"));
        Assert.Equal(new ParamRef("top", SqlType.Int64), Ok("top"));
        var d = Error("@raduis");
        Assert.Equal(DiagnosticCodes.UnknownParameter, d.Descriptor);
        Assert.Contains("did you mean '@radius'?", d.Hints);
        var canvas = new ExpressionBinderOptions { BareNamesMayBeParameters = false };
        var bare = Error("radius > 1", options: canvas);
        Assert.Equal(DiagnosticCodes.UnknownColumn, bare.Descriptor);
        Assert.Contains("to use the parameter, write @radius", bare.Hints);
    }

    [Fact]
    public void A_column_shadows_a_parameter_of_the_same_name_with_a_warning()
    {
        var scope = ExpressionScope.Single(Stores, "stores", new Dictionary<string, SqlType> { ["staff"] = SqlType.Int64 });
        var bound = Bind("staff > 1", scope);
        Assert.Equal("(staff > 1)", bound.Expr!.ToString());
        Assert.Equal(DiagnosticCodes.ParameterShadowed, Assert.Single(bound.Diagnostics).Descriptor);
    }

    [Theory]
    [InlineData("buffer(geom, 'far')", "CWF2007", "argument 2 of buffer must be a number, but this is string")]
    [InlineData("upper(staff)", "CWF2007", "the argument of upper must be a string, but this is int64")]
    [InlineData("length(staff)", "CWF2007", "must be a string or a geography")]
    [InlineData("buffer(geom)", "CWF2006", "buffer takes 2 arguments, but 1 was given")]
    [InlineData("sum(revenue) > 1", "CWF2009", "aggregate function 'sum' is not allowed in this expression")]
    [InlineData("geom = geom", "CWF2809", "geography values cannot be compared with '='")]
    [InlineData("name > 5", "CWF2008", "cannot compare string with int64")]
    [InlineData("staff = '5'", "CWF2008", "cannot compare int64 with string")]
    [InlineData("name + 1", "CWF2008", "'+' does not apply to string and int64")]
    [InlineData("staff and true", "CWF2008", "'and' needs bool operands, but the left one is int64")]
    [InlineData("case when 1 then 2 end", "CWF2011", "a 'when' condition must be bool")]
    [InlineData("case when true then 1 else 'x' end", "CWF2011", "no common type: int64 and string")]
    [InlineData("cast(geom as int64)", "CWF2013", "cannot cast geography to int64")]
    [InlineData("cast(x as integr)", "CWF2012", "unknown type 'integr'")]
    [InlineData("count(*) + 1", "CWF2009", "aggregate function 'count'")]
    [InlineData("upper(*)", "CWF2029", "'*' is only allowed")]
    [InlineData("@top km", "CWF2022", "")]
    public void Reports_type_errors_precisely(string text, string code, string message)
    {
        if (text == "cast(x as integr)") text = "cast(staff as integr)";
        if (text == "@top km")
        {
            Assert.Equal("(@top * 1000.0)", Ok(text).ToString());
            return;
        }
        var d = Error(text);
        Assert.Equal(code, d.Code);
        Assert.Contains(message, d.Message);
    }

    [Fact]
    public void Unknown_functions_have_a_recognisable_code_and_a_suggestion()
    {
        var bound = Bind("uper(name)");
        Assert.True(bound.HasUnknownFunction);
        var d = Assert.Single(bound.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownFunction, d.Descriptor);
        Assert.Contains("did you mean 'upper'?", d.Hints);
        Assert.True(Bind("REGEXP_CONTAINS(name, 'x')").HasUnknownFunction);
        Assert.True(Bind("myudfs.f(name)").HasUnknownFunction);
    }

    [Fact]
    public void Locations_can_be_mapped_by_the_caller()
    {
        var mapped = new CanvasLocation("c.json", "n1", "Filter", "expression", "/nodes/0");
        var d = Error("revnue > 1", options: new ExpressionBinderOptions { Locate = _ => mapped });
        Assert.Same(mapped, d.Location);
    }

    [Theory]
    [InlineData("count(*)", "count := count()")]
    [InlineData("count()", "count := count()")]
    [InlineData("count(staff)", "staff_count := count(staff)")]
    [InlineData("count(distinct name)", "name_count_distinct := count(distinct name)")]
    [InlineData("sum(revenue)", "revenue_sum := sum(revenue)")]
    [InlineData("avg(staff)", "staff_avg := avg(staff)")]
    [InlineData("max(opened)", "opened_max := max(opened)")]
    public void Binds_aggregates_with_canvas_default_names(string text, string expected)
    {
        var source = SourceText.From(text);
        var bound = ExpressionBinder.BindAggregate(CwfParser.ParseExpression(source).Syntax!, null, StoresScope, source);
        Assert.True(bound.Diagnostics.IsEmpty, string.Join("\n", bound.Diagnostics));
        Assert.Equal(expected, bound.Aggregate!.ToString());
    }

    [Theory]
    [InlineData("sum(name)", "CWF2813")]
    [InlineData("min(geom)", "CWF2813")]
    [InlineData("count(distinct geom)", "CWF2813")]
    [InlineData("sum(distinct staff)", "CWF2026")]
    [InlineData("sum(sum(staff))", "CWF2010")]
    [InlineData("sum(staff) * 2", "CWF2025")]
    [InlineData("upper(name)", "CWF2025")]
    [InlineData("sum(staff * 2)", "CWF2028")]
    public void Rejects_invalid_aggregates(string text, string code)
    {
        var source = SourceText.From(text);
        var bound = ExpressionBinder.BindAggregate(CwfParser.ParseExpression(source).Syntax!, null, StoresScope, source);
        Assert.Null(bound.Aggregate);
        Assert.Equal(code, Assert.Single(bound.Diagnostics).Code);
    }

    [Fact]
    public void Binds_select_lists()
    {
        var source = SourceText.From("store_id, name as title, staff + 1 as next, *");
        var list = CwfParser.ParseSelectList(source).Syntax!;
        var bound = ExpressionBinder.BindSelectList(list, StoresScope, source);
        Assert.Equal(DiagnosticCodes.DuplicateOutputColumn, Assert.Single(bound.Diagnostics).Descriptor);

        source = SourceText.From("store_id, name as title, staff + 1 as next");
        bound = ExpressionBinder.BindSelectList(CwfParser.ParseSelectList(source).Syntax!, StoresScope, source);
        Assert.Equal(["store_id", "title", "next"], bound.Columns!.Value.Select(c => c.Name));

        source = SourceText.From("staff + 1");
        bound = ExpressionBinder.BindSelectList(CwfParser.ParseSelectList(source).Syntax!, StoresScope, source);
        Assert.Equal(DiagnosticCodes.UnnamedColumn, Assert.Single(bound.Diagnostics).Descriptor);
    }
}
