using CsCheck;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Binding;

public class BinderTests
{
    private const string Stores = """
        source stores = table "retail.stores" {
          store_id: int64 not null, name: string, revenue: float64, staff: int64, status: string,
          opened: date, lat: float64, lon: float64, geom: geography, cell: string
        }
        """;

    private const string Blocks = """
        source blocks = table "census.blocks" { block_id: int64, pop: int64, geom: geography }
        """;

    private static Workflow Program(string body, bool allowWarnings = false) => Ok(Stores + "\n" + Blocks + "\n" + body, allowWarnings: allowWarnings);

    private static IReadOnlyList<Diagnostic> ProgramErrors(string body) => Errors(Stores + "\n" + Blocks + "\n" + body);

    private static RelNode OutputOf(Workflow w) => w[w.Sinks.Single().Input];

    [Fact]
    public void The_sketch_of_the_design_compiles()
    {
        var w = Ok("""
            workflow "Store trade areas"
            param min_revenue: float64 = 1000000
            param radius: float64 = 500
            source stores = table "analytics.retail.stores" { store_id: int64, name: string, revenue: float64, geom: geography, status: string }
            source blocks = table "analytics.census.blocks" { pop: int64, geom: geography }
            let big = stores
              | filter revenue >= min_revenue
              | buffer geom by radius m as zone
            let reach = big
              | spatial_join blocks on intersects(zone, blocks.geom)
              | group by store_id, name { population: sum(blocks.pop), blocks: count() }
              | sort population desc
              | take 100
            let _, closed = stores | split status = 'open'
            output reach -> table "analytics.retail.store_reach" mode replace
            output closed -> table "analytics.retail.closed_stores" mode append
            """);
        Assert.Equal("Store trade areas", w.Name);
        Assert.Equal(["min_revenue", "radius"], w.Parameters.Select(p => p.Name));
        Assert.All(w.Parameters, p => Assert.True(p.IsPublic));
        var reach = w.Sinks.First(s => s.Table.ToString() == "analytics.retail.store_reach");
        Assert.Equal(["store_id", "name", "population", "blocks"], reach.Schema.Names);
        var closed = w.Sinks.First(s => s.Mode == WriteMode.Append);
        Assert.Equal(FilterBranch.Unmatch, Assert.IsType<FilterNode>(w[closed.Input]).Branch);
        Assert.Equal(11, w.Nodes.Length);
    }

    [Theory]
    [InlineData("select name, revenue * 2 as double_revenue", "name, double_revenue")]
    [InlineData("select *", "store_id, name, revenue, staff, status, opened, lat, lon, geom, cell")]
    [InlineData("derive revenue_per_staff = revenue / staff, r2 = revenue_per_staff * 2", "store_id, name, revenue, staff, status, opened, lat, lon, geom, cell, revenue_per_staff, r2")]
    [InlineData("derive revenue = revenue * 2", "store_id, name, revenue, staff, status, opened, lat, lon, geom, cell")]
    [InlineData("rename name to title, staff to employees", "store_id, title, revenue, employees, status, opened, lat, lon, geom, cell")]
    [InlineData("drop lat, lon, geom", "store_id, name, revenue, staff, status, opened, cell")]
    [InlineData("group by status { n: count(), revenue_sum: sum(revenue) }", "status, n, revenue_sum")]
    [InlineData("group by status { sum(revenue), count(distinct name), avg(staff) }", "status, revenue_sum, name_count_distinct, staff_avg")]
    [InlineData("group by year = year(opened) { n: count(*) }", "year, n")]
    [InlineData("summarize { total: sum(revenue), stores: count(store_id) }", "total, stores")]
    [InlineData("buffer geom by 2 km", "store_id, name, revenue, staff, status, opened, lat, lon, geom, cell, geom_buffer")]
    [InlineData("centroid geom", "store_id, name, revenue, staff, status, opened, lat, lon, geom, cell, geom_centroid")]
    [InlineData("area geom in km2", "store_id, name, revenue, staff, status, opened, lat, lon, geom, cell, geom_area")]
    [InlineData("distance geom, geom in mi as d", "store_id, name, revenue, staff, status, opened, lat, lon, geom, cell, d")]
    [InlineData("drop geom | point lat = lat, lon = lon", "store_id, name, revenue, staff, status, opened, lat, lon, cell, geom")]
    [InlineData("h3 geom resolution 8", "store_id, name, revenue, staff, status, opened, lat, lon, geom, cell, h3")]
    [InlineData("h3_boundary cell", "store_id, name, revenue, staff, status, opened, lat, lon, geom, cell, cell_geo")]
    [InlineData("join blocks on staff = blocks.block_id | select name, pop_joined, blocks.pop as p", "name, pop_joined, p")]
    [InlineData("left join blocks on stores.staff = block_id", "store_id, name, revenue, staff, status, opened, lat, lon, geom, cell, block_id_joined, pop_joined, geom_joined")]
    [InlineData("spatial_join blocks on contains(stores.geom, blocks.geom) | group by store_id { pop: sum(blocks.pop) }", "store_id, pop")]
    [InlineData("spatial_join blocks on st_dwithin(stores.geom, blocks.geom, 1 km) | take 1", "store_id, name, revenue, staff, status, opened, lat, lon, geom, cell, block_id_joined, pop_joined, geom_joined")]
    [InlineData("left spatial_join blocks on intersects(stores.geom, blocks.geom) | group by store_id { n: count(blocks.block_id) }", "store_id, n")]
    [InlineData("left outer spatial_join blocks on st_dwithin(stores.geom, blocks.geom, 1 km)", "store_id, name, revenue, staff, status, opened, lat, lon, geom, cell, block_id_joined, pop_joined, geom_joined")]
    [InlineData("spatial_filter blocks on intersects(stores.geom, blocks.geom)", "store_id, name, revenue, staff, status, opened, lat, lon, geom, cell")]
    [InlineData("select store_id, name | union stores2", "store_id, name")]
    [InlineData("sort revenue desc, name | take 10 | distinct", "store_id, name, revenue, staff, status, opened, lat, lon, geom, cell")]
    [InlineData("sql with blocks \"select a.name, count(*) as n from $a a join $b b on st_intersects(a.geom, b.geom) group by a.name\" returns { name: string, n: int64 }", "name, n")]
    public void Every_step_produces_the_documented_columns(string steps, string columns)
    {
        var extra = steps.Contains("stores2") ? "let stores2 = stores | select name, store_id\n" : "";
        var w = Program($"{extra}let result = stores | {steps}\noutput result -> table \"out.result\"", allowWarnings: true);
        Assert.Equal(columns, string.Join(", ", w.Sinks.Single().Schema.Names));
    }

    [Fact]
    public void A_left_spatial_join_is_a_left_join_on_the_predicate_whose_other_columns_are_nullable()
    {
        var w = Program("output stores | left spatial_join blocks on within(stores.geom, blocks.geom) -> table \"o.t\"", allowWarnings: true);
        var join = Assert.IsType<JoinNode>(OutputOf(w));
        Assert.Equal(JoinKind.Left, join.Kind);
        Assert.Equal("st_within(geom, [1].geom)", join.Condition.ToString());
        Assert.True(join.Schema.Find("pop_joined")!.Nullable);
        var inner = Assert.IsType<JoinNode>(OutputOf(Program("output stores | spatial_join blocks on within(stores.geom, blocks.geom) -> table \"o.t\"", allowWarnings: true)));
        Assert.Equal(JoinKind.Inner, inner.Kind);
    }

    [Fact]
    public void Units_convert_to_meters_as_the_canvas_does()
    {
        var w = Program("output stores | buffer geom by 300 -> table \"o.t\"", allowWarnings: true);
        Assert.Equal("st_buffer(geom, 300.0)", ((ProjectNode)OutputOf(w)).Columns[^1].Expr.ToString());
        w = Program("output stores | buffer geom by 2 km -> table \"o.t\"", allowWarnings: true);
        Assert.Equal("st_buffer(geom, 2000.0)", ((ProjectNode)OutputOf(w)).Columns[^1].Expr.ToString());
        w = Ok(Stores + "\nparam r: float64 = 2\noutput stores | buffer geom by r mi -> table \"o.t\"");
        Assert.Equal("st_buffer(geom, (@r * 1609.344))", ((ProjectNode)OutputOf(w)).Columns[^1].Expr.ToString());
        w = Program("output stores | area geom in km2 -> table \"o.t\"", allowWarnings: true);
        Assert.Equal("(st_area(geom) / 1000000.0)", ((ProjectNode)OutputOf(w)).Columns[^1].Expr.ToString());
    }

    [Fact]
    public void Parameters_are_typed_and_consts_are_not_public()
    {
        var w = Ok(Stores + """

            param n: int64 = 10
            const label = 'big'
            param since: timestamp = date '2020-01-01'
            param ratio: float64 = 2
            output stores | filter name = label and opened >= since and revenue > ratio | take n -> table "o.t"
            """);
        Assert.Equal([true, false, true, true], w.Parameters.Select(p => p.IsPublic));
        Assert.Equal([SqlType.Int64, SqlType.String, SqlType.Timestamp, SqlType.Float64], w.Parameters.Select(p => p.Type));
        Assert.Equal(2.0, w.Parameters[3].Value);
    }

    [Fact]
    public void A_float_parameter_cannot_be_a_limit()
    {
        var d = Assert.Single(Errors(Stores + "\nparam n: float64 = 10\noutput stores | take n -> table \"o.t\""));
        Assert.Equal(DiagnosticCodes.InvalidLimit, d.Descriptor);
        Assert.Contains("parameter 'n' of type float64", d.Message);
    }

    [Theory]
    [InlineData("output nope -> table \"o.t\"", "CWF2001", "unknown source or let 'nope'")]
    [InlineData("output stors -> table \"o.t\"", "CWF2001", "did you mean 'stores'?")]
    [InlineData("output later -> table \"o.t\"\nlet later = stores", "CWF2015", "'later' is used before its definition on line")]
    [InlineData("let me = me | take 1\noutput me -> table \"o.t\"", "CWF2030", "defined by this very statement")]
    [InlineData("let stores = blocks\noutput stores -> table \"o.t\"", "CWF2002", "'stores' is already declared on line 1")]
    [InlineData("let a, b = stores | filter staff > 1\noutput a -> table \"o.t\"", "CWF2021", "'filter' has one result, but two names are given")]
    [InlineData("output stores | split staff > 1 -> table \"o.t\"", "CWF2021", "split has two results")]
    [InlineData("output stores | filter revnue > 1 -> table \"o.t\"", "CWF2800", "unknown column 'revnue' in 'stores'")]
    [InlineData("output stores | filter staff -> table \"o.t\"", "CWF2810", "the filter condition is int64, not a boolean")]
    [InlineData("output stores | sort geom -> table \"o.t\"", "CWF2809", "geography values cannot be sorted")]
    [InlineData("output stores | group by geom { n: count() } -> table \"o.t\"", "CWF2809", "cannot group by the geography column 'geom'")]
    [InlineData("output stores | buffer name by 1 km -> table \"o.t\"", "CWF2801", "column 'name' is string, but a geography column is expected here")]
    [InlineData("output stores | area geom in km -> table \"o.t\"", "CWF2022", "an area needs an area unit")]
    [InlineData("output stores | buffer geom by 1 km2 -> table \"o.t\"", "CWF2022", "a distance needs a length unit")]
    [InlineData("output stores | h3 geom resolution 16 -> table \"o.t\"", "CWF2807", "from 0 to 15")]
    [InlineData("output stores | join blocks on geom -> table \"o.t\"", "CWF2801", "cannot join geography column 'geom'")]
    [InlineData("output stores | join blocks on staff = name -> table \"o.t\"", "CWF2019", "both columns of the condition belong to 'stores'")]
    [InlineData("output stores | spatial_join blocks on within(blocks.geom, stores.geom) -> table \"o.t\"", "CWF2020", "st_within(a, b) needs a column of stores first")]
    [InlineData("output stores | spatial_join blocks on intersects(geom, blocks.geom) -> table \"o.t\"", "CWF2003", "column 'geom' is ambiguous")]
    [InlineData("output stores | union blocks -> table \"o.t\"", "CWF2805", "does not match the first input")]
    [InlineData("output stores | sql \"select * from $b\" -> table \"o.t\"", "CWF2027", "$b has no input")]
    [InlineData("output stores | select name, name -> table \"o.t\"", "CWF2803", "two columns named 'name'")]
    [InlineData("output stores | rename name to staff -> table \"o.t\"", "CWF2803", "a column 'staff' already exists")]
    [InlineData("output stores | drop store_id, name, revenue, staff, status, opened, lat, lon, geom, cell -> table \"o.t\"", "CWF2804", "leaves no columns")]
    [InlineData("output stores | summarize { total: sum(name) } -> table \"o.t\"", "CWF2813", "sum needs a numeric column")]
    [InlineData("param p: int64 = 'x'\noutput stores -> table \"o.t\"", "CWF2024", "'p' is int64, but its value is string")]
    [InlineData("param p: int64 = staff\noutput stores -> table \"o.t\"", "CWF2800", "unknown column 'staff'")]
    [InlineData("param p: int6 = 1\noutput stores -> table \"o.t\"", "CWF2012", "unknown type 'int6'")]
    [InlineData("output stores | take p -> table \"o.t\"", "CWF2800", "unknown column 'p'")]
    [InlineData("source t = table \"nowhere.t\"\noutput t -> table \"o.t\"", "CWF2014", "table 'nowhere.t' is not in the catalog")]
    [InlineData("source t = table \"x.t\" { a: int64, a: string }\noutput t -> table \"o.t\"", "CWF0014", "column 'a' is declared twice")]
    [InlineData("workflow \"a\"\nworkflow \"b\"\noutput stores -> table \"o.t\"", "CWF2031", "already named")]
    public void Reports_each_mistake_once_with_its_code(string body, string code, string message)
    {
        var errors = ProgramErrors(body);
        var d = Assert.Single(errors);
        Assert.Equal(code, d.Code);
        Assert.Contains(message, d.Message + " " + string.Join(" ", d.Hints));
    }

    [Fact]
    public void Warnings_for_unused_results_parameters_and_double_writes()
    {
        var result = Compile(Stores + """

            param unused: int64 = 1
            let spare = stores | take 1
            let open, closed = stores | split status = 'open'
            output closed -> table "o.t"
            output closed -> table "O.T" mode append
            """);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(["CWF2017", "CWF2016", "CWF2016", "CWF2018"], result.Diagnostics.Select(d => d.Code));
        Assert.Contains("'spare' is never used", result.Diagnostics.Select(d => d.Message));
        Assert.Contains("'open' is never used", result.Diagnostics.Select(d => d.Message));
        // The unused half of a split builds no node, as a canvas handle without an edge.
        Assert.Single(result.Workflow!.Nodes.OfType<FilterNode>(), f => f.Branch == FilterBranch.Unmatch);
        Assert.DoesNotContain(result.Workflow!.Nodes.OfType<FilterNode>(), f => f.Branch == FilterBranch.Match);
    }

    [Fact]
    public void A_workflow_without_outputs_warns_about_its_unused_sources()
    {
        var result = Compile(Stores);
        Assert.Equal(["CWF2016"], result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Failed_statements_poison_their_dependents_silently()
    {
        var errors = ProgramErrors("""
            let a = stores | filter revnue > 1 | select nmae
            let b = a | select whatever
            let c = b | derive x = uper(name)
            output c -> table "o.t"
            """);
        // revnue and nmae are independent (filter keeps its columns); 'whatever' depends on a failed
        // select and is not reported; the unknown function does not depend on any column.
        Assert.Equal(["unknown column 'revnue' in 'stores'", "unknown column 'nmae' in 'stores'", "unknown function 'uper'"],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void Steps_after_a_failed_step_report_no_cascades()
    {
        var errors = ProgramErrors("""
            let big = stores | buffer geom by 2 km2
            let reach = big
              | spatial_join blocks on intersects(big.geom_buffer, blocks.geom)
              | group by store_id { population: sum(blocks.pop) }
            output reach -> table "o.t"
            """);
        Assert.Equal(DiagnosticCodes.WrongUnit, Assert.Single(errors).Descriptor);
    }

    [Fact]
    public void Five_seeded_mistakes_give_five_precise_diagnostics()
    {
        var source = """
            workflow "Five mistakes"
            source stores = table "retail.stores" { store_id: int64, name: string, revenue: float64, geom: geography }
            lett spare = stores
            let big = stores | filter revnue > 100
            let zones = big | buffer geom by 300 km2
            let named = zones | fliter name = 'x'
            let grouped = stores | group by name { total: sum(name) }
            output grouped -> table "out.grouped"
            output zones -> table "out.zones"
            output named -> table "out.named"
            """;
        var result = Compile(source);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(["3:1 CWF1008", "4:27 CWF2800", "5:34 CWF2022", "6:21 CWF1007", "7:40 CWF2813"],
            errors.Select(e => $"{Position(e)} {e.Code}"));
        Assert.Contains("did you mean 'let'?", errors[0].Hints);
        Assert.Contains("did you mean 'revenue'?", errors[1].Hints);
        Assert.Contains("did you mean 'filter'?", errors[3].Hints);
    }

    [Fact]
    public void Long_pipelines_bind_without_recursion()
    {
        var steps = string.Concat(Enumerable.Repeat("\n  | filter revenue > 1", 10_000));
        var w = Ok(Stores + "\nlet x = stores" + steps + "\noutput x -> table \"o.t\"");
        Assert.Equal(10_002, w.Nodes.Length);
    }

    [Fact]
    public void Unknown_components_are_kept_opaque_with_a_warning()
    {
        var result = Compile(Stores + "\n" + """
            let iso = component "native.isolines" (stores) { isoline_type: "walk", time: "600", version: "1" }
            output iso | filter anything > 1 -> table "o.t"
            """);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal("CWF2811", Assert.Single(result.Diagnostics).Code);
        var opaque = Assert.Single(result.Workflow!.Nodes.OfType<OpaqueNode>());
        Assert.Equal("native.isolines", opaque.Component);
        Assert.Null(opaque.SqlTemplate);
        Assert.Equal(["isoline_type", "time", "version"], opaque.Properties.Keys);
        Assert.True(opaque.Schema.IsOpen);
        Assert.Equal(Cwf.Formatting.CwfFormatter.Format(result.Syntax).Split('\n').First(l => l.StartsWith("let iso")),
            "let iso = component \"native.isolines\" (stores) { isoline_type: \"walk\", time: \"600\", version: \"1\" }");
    }

    [Fact]
    public void Qualified_names_follow_renames_after_a_join()
    {
        var w = Program("""
            let joined = stores
              | spatial_join blocks on intersects(stores.geom, blocks.geom)
              | rename pop_joined to population
              | select blocks.pop as p, stores.name
            output joined -> table "o.t"
            """);
        Assert.Equal(["p", "name"], w.Sinks.Single().Schema.Names);
    }

    [Fact]
    public void Outer_joins_make_the_optional_side_nullable()
    {
        var w = Program("output stores | left join blocks on staff = blocks.block_id -> table \"o.t\"");
        Assert.True(w.Sinks.Single().Schema.Find("block_id_joined")!.Nullable);
        Assert.False(w.Sinks.Single().Schema.Find("store_id")!.Nullable);
    }

    [Fact]
    public void Raw_sql_without_a_schema_passes_columns_unchecked_with_a_warning()
    {
        var result = Compile(Stores + "\noutput stores | sql \"select * from $a\" | filter anything > 1 -> table \"o.t\"");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal("CWF2812", Assert.Single(result.Diagnostics).Code);
    }
}

public class NoCascadeTests
{
    // One misspelled column, function or relation anywhere in a valid program gives exactly one error: no cascades.
    [Fact]
    public void One_mistake_gives_one_error()
    {
        var program = Cwf.Tests.Formatting.ProgramGenerators.Program;
        CsCheck.Gen.Select(program, CsCheck.Gen.Int[0, int.MaxValue], (text, pick) => (text, pick)).Check(sample =>
        {
            var (text, pick) = sample;
            int bodyStart = text.IndexOf("// lets", StringComparison.Ordinal);
            var matches = System.Text.RegularExpressions.Regex.Matches(text[bodyStart..], @"(?<![\w.@`'])(?<!let )(?<!LET )(a|b|abs|coalesce|v[0-9])(?![\w`'])")
                .Where(m => !IsInsideString(text, bodyStart + m.Index)).ToList();
            if (matches.Count == 0) return;
            var m = matches[pick % matches.Count];
            int at = bodyStart + m.Index;
            var mutated = text[..at] + m.Value + "zz" + text[(at + m.Length)..];
            var errors = Compilation.Compile(mutated).Diagnostics.Where(d => d.IsError).ToList();
            Assert.True(errors.Count == 1, $"{errors.Count} errors:\n{string.Join("\n", errors)}\n---\n{mutated}");
        }, iterations: 1000);
    }

    private static bool IsInsideString(string text, int index) => text[..index].Count(c => c == '\'') % 2 == 1;
}
