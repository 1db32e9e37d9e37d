using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Cwf.Diagnostics;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Planning;
using static Cwf.Ir.ExprFactory;
using F = Cwf.Ir.Functions;

namespace Cwf.Tests.Emit;

/// <summary>The contract's SQL semantics (canvas-format.md 5a), checked on the emitted text of every dialect.</summary>
public class EmitSemanticsTests
{
    public static TheoryData<string> DialectNames => new(Dialects.Names);

    private static Dialect D(string name) => Dialects.Find(name)!;

    private static string Sql(Workflow workflow, string dialect, EmitOptions? options = null)
    {
        var result = SqlEmitter.Emit(workflow, D(dialect), options);
        Assert.True(result.Sql is not null, string.Join("\n", result.Diagnostics));
        return result.Sql!;
    }

    private static (WorkflowBuilder Builder, ScanNode Orders) Start(string name = "test")
    {
        var b = new WorkflowBuilder(name);
        return (b, b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders"));
    }

    private static ColumnRef Amount => EmitSamples.Col(EmitSamples.Orders, "amount");

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Unmatch_keeps_the_rows_where_the_predicate_is_false_or_null(string dialect)
    {
        var (b, orders) = Start();
        var p = Binary(BinaryOp.Greater, Amount, Literal.Int(10));
        b.Sink(b.Filter(orders.Id, p, FilterBranch.Match, "m").Id, new TableName(["m"]), WriteMode.Replace, "sm");
        b.Sink(b.Filter(orders.Id, p, FilterBranch.Unmatch, "u").Id, new TableName(["u"]), WriteMode.Replace, "su");
        var sql = Sql(b.ToWorkflow(), dialect);
        Assert.Matches(@"WHERE amount > 10;?\n", sql);
        Assert.Contains("WHERE NOT COALESCE(amount > 10, FALSE)", sql);
    }

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Every_sort_key_puts_nulls_last(string dialect)
    {
        var (b, orders) = Start();
        var sorted = b.Sort(orders.Id, [new SortKey(Amount, true), new SortKey(EmitSamples.Col(EmitSamples.Orders, "id"), false)], "s");
        b.Sink(b.Limit(sorted.Id, Literal.Int(3), "l").Id, new TableName(["t"]), WriteMode.Replace, "k");
        var sql = Sql(b.ToWorkflow(), dialect);
        var orderBys = Regex.Matches(sql, "ORDER BY (.*)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, orderBys.Count);
        Assert.All(orderBys, o => Assert.Equal("amount DESC NULLS LAST, id ASC NULLS LAST", o));
        // The limit sorts again: an ORDER BY inside a CTE orders nothing.
        Assert.Matches(@"ORDER BY amount DESC NULLS LAST, id ASC NULLS LAST\nLIMIT 3", sql);
    }

    [Theory]
    [InlineData("bigquery", true)]
    [InlineData("snowflake", true)]
    [InlineData("databricks", true)]
    [InlineData("duckdb", true)]
    [InlineData("postgres", false)]
    [InlineData("redshift", false)]
    public void Replace_recreates_the_table(string dialect, bool createOrReplace)
    {
        var (b, orders) = Start();
        b.Sink(orders.Id, new TableName(["out", "t"]), WriteMode.Replace, "k");
        var sql = Sql(b.ToWorkflow(), dialect);
        var table = D(dialect).TableName(new TableName(["out", "t"]));
        if (createOrReplace) Assert.Contains($"CREATE OR REPLACE TABLE {table} AS\n", sql);
        else Assert.Contains($"DROP TABLE IF EXISTS {table};\n\nCREATE TABLE {table} AS\n", sql);
    }

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Append_inserts_into_the_listed_columns(string dialect)
    {
        var (b, orders) = Start();
        b.Sink(orders.Id, new TableName(["out", "t"]), WriteMode.Append, "k");
        var sql = Sql(b.ToWorkflow(), dialect);
        var table = D(dialect).TableName(new TableName(["out", "t"]));
        Assert.Contains($"INSERT INTO {table} (id, customer_id, amount, quantity, status, created)\nSELECT", sql);
        Assert.DoesNotContain("DROP TABLE", sql);
    }

    /// <summary>
    /// Every dialect first creates the table, empty, with the output's column types as they are
    /// stored, when it is missing: the first run of a script must not fail (issue 12; only
    /// PostgreSQL did).
    /// </summary>
    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Append_creates_its_table_with_the_stored_column_types_when_it_is_missing(string dialect)
    {
        var d = D(dialect);
        var (b, orders) = Start();
        var geo = b.Scan(new TableName(["geo", "zones"]), EmitSamples.Zones, "zones");
        b.Sink(orders.Id, new TableName(["out", "t"]), WriteMode.Append, "k");
        b.Sink(geo.Id, new TableName(["out", "z"]), WriteMode.Append, "k2");
        var sql = Sql(b.ToWorkflow(), dialect);
        var table = d.TableName(new TableName(["out", "t"]));
        string Type(SqlType t) => d.StoredTypeName(t)!;
        var columns = string.Join(",\n", new[] { ("id", SqlType.Int64), ("customer_id", SqlType.Int64), ("amount", SqlType.Float64),
            ("quantity", SqlType.Int64), ("status", SqlType.String), ("created", SqlType.Date) }.Select(c => $"  {c.Item1} {Type(c.Item2)}"));
        var create = $"CREATE TABLE IF NOT EXISTS {table} (\n{columns}\n);\n";
        Assert.Contains(create, sql);
        Assert.True(sql.IndexOf(create, StringComparison.Ordinal) < sql.IndexOf($"INSERT INTO {table} ", StringComparison.Ordinal));
        Assert.Contains($"  geom {Type(SqlType.Geography)}\n);\n", sql);
    }

    [Fact]
    public void A_created_append_table_stores_geography_as_the_output_statement_encodes_it()
    {
        Assert.Equal("VARBINARY", D("trino").StoredTypeName(SqlType.Geography));
        Assert.Equal("geometry(Geometry,4326)", D("postgres").StoredTypeName(SqlType.Geography));
        Assert.Equal("GEOGRAPHY", D("bigquery").StoredTypeName(SqlType.Geography));
    }

    /// <summary>An output of unknown schema (custom SQL without declared columns): the query gives the types, over zero rows.</summary>
    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Appending_an_output_of_unknown_schema_takes_the_column_types_from_the_query(string dialect)
    {
        var (b, orders) = Start();
        var custom = b.Opaque([orders.Id], "native.customsql", "SELECT *, 1 AS extra FROM $a", Schema.Open,
            ImmutableSortedDictionary<string, string>.Empty, "Custom");
        b.Sink(custom.Id, new TableName(["out", "t"]), WriteMode.Append, "k");
        var sql = Sql(b.ToWorkflow(), dialect);
        var table = D(dialect).TableName(new TableName(["out", "t"]));
        Assert.Contains(") AS output\nLIMIT 0;\n", sql);
        Assert.Contains($"INSERT INTO {table}\n", sql);
        if (dialect == "redshift")
        {
            // CREATE TABLE AS has no IF NOT EXISTS there: a temporary table gives the columns to copy.
            Assert.Contains("CREATE TEMPORARY TABLE cwf__append_columns AS\nSELECT * FROM (\n", sql);
            Assert.Contains($"CREATE TABLE IF NOT EXISTS {table} (LIKE cwf__append_columns);\n\nDROP TABLE cwf__append_columns;\n", sql);
        }
        else Assert.Contains($"CREATE TABLE IF NOT EXISTS {table} AS\nSELECT * FROM (\n", sql);
    }

    [Theory]
    [InlineData("postgres", "BEGIN;", "COMMIT;")]
    [InlineData("redshift", "BEGIN;", "COMMIT;")]
    [InlineData("snowflake", "BEGIN TRANSACTION;", "COMMIT;")]
    [InlineData("duckdb", "BEGIN TRANSACTION;", "COMMIT;")]
    public void Scripts_run_in_one_transaction_where_the_warehouse_allows(string dialect, string begin, string commit)
    {
        var sql = Sql(EmitSamples.Relational(), dialect);
        var lines = sql.TrimEnd('\n').Split('\n');
        Assert.Equal(begin, lines.First(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal)));
        Assert.Equal(commit, lines[^1]);
    }

    [Theory]
    [InlineData("bigquery")]
    [InlineData("databricks")]
    public void Scripts_without_transactions_say_so(string dialect)
    {
        var result = SqlEmitter.Emit(EmitSamples.Relational(), D(dialect));
        Assert.DoesNotContain("BEGIN", result.Sql);
        Assert.Contains(result.Diagnostics, d => d.Code == "CWF6041" && d.Severity == Severity.Info);
    }

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Never_creates_a_schema_that_may_exist(string dialect)
    {
        foreach (var mode in new[] { EmitMode.Script, EmitMode.Procedure })
        {
            var sql = SqlEmitter.Emit(EmitSamples.Relational(), D(dialect), new EmitOptions { Mode = mode }).Sql ?? "";
            Assert.DoesNotMatch(@"CREATE SCHEMA (?!IF NOT EXISTS)", sql);
        }
    }

    [Fact]
    public void PostgreSQL_creates_missing_output_schemas_but_not_public()
    {
        var (b, orders) = Start();
        b.Sink(orders.Id, new TableName(["analytics", "a"]), WriteMode.Replace, "k1");
        b.Sink(orders.Id, new TableName(["analytics", "b"]), WriteMode.Append, "k2");
        b.Sink(orders.Id, new TableName(["public", "c"]), WriteMode.Replace, "k3");
        var sql = Sql(b.ToWorkflow(), "postgres");
        Assert.Single(Regex.Matches(sql, "CREATE SCHEMA IF NOT EXISTS analytics;"));
        Assert.DoesNotContain("CREATE SCHEMA IF NOT EXISTS public", sql);
    }

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Union_matches_columns_by_name_in_the_first_inputs_order(string dialect)
    {
        var b = new WorkflowBuilder("union");
        var a = b.Scan(new TableName(["a"]), new Schema([new("x", SqlType.Int64), new("y", SqlType.String)]), "a");
        var c = b.Scan(new TableName(["c"]), new Schema([new("y", SqlType.String), new("x", SqlType.Float64)]), "c");
        b.Sink(b.UnionAll([a.Id, c.Id], "u").Id, new TableName(["out"]), WriteMode.Replace, "k");
        var sql = Sql(b.ToWorkflow(), dialect);
        var floatType = D(dialect).TypeName(SqlType.Float64);
        string Table(string name) => D(dialect).TableName(new TableName([name]));
        Assert.Contains($"SELECT\n  CAST(x AS {floatType}) AS x,\n  y\nFROM {Table("a")}\nUNION ALL\nSELECT\n  x,\n  y\nFROM {Table("c")}", sql);
    }

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Spatial_filter_match_and_unmatch_are_exists_and_not_exists(string dialect)
    {
        var sql = Sql(EmitSamples.Spatial(dialect: Dialects.Find(dialect)), dialect, new EmitOptions { Mode = EmitMode.Query });
        Assert.Contains("WHERE EXISTS (\n", sql);
        Assert.Contains("WHERE NOT EXISTS (\n", sql);
    }

    [Theory]
    [InlineData("postgres", "CAST(quantity AS DOUBLE PRECISION) / 2")]
    [InlineData("redshift", "CAST(quantity AS DOUBLE PRECISION) / 2")]
    [InlineData("snowflake", "CAST(quantity AS FLOAT) / 2")]
    [InlineData("bigquery", "quantity / 2")]
    [InlineData("databricks", "quantity / 2")]
    [InlineData("duckdb", "quantity / 2")]
    public void Integer_division_is_true_division(string dialect, string expected) =>
        Assert.Contains(expected + " AS half", Sql(EmitSamples.Relational(), dialect));

    [Theory]
    [InlineData("bigquery", "MOD(quantity, 3)")]
    [InlineData("postgres", "quantity % 3")]
    public void Remainder_uses_the_dialects_operator(string dialect, string expected)
    {
        var (b, orders) = Start();
        var p = b.Project(orders.Id, [new("r", Binary(BinaryOp.Modulo, EmitSamples.Col(EmitSamples.Orders, "quantity"), Literal.Int(3)))], "p");
        b.Sink(p.Id, new TableName(["t"]), WriteMode.Replace, "k");
        Assert.Contains(expected + " AS r", Sql(b.ToWorkflow(), dialect));
    }

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Summaries_count_rows_values_and_distinct_values(string dialect)
    {
        var sql = Sql(EmitSamples.Relational(), dialect);
        Assert.Contains("COUNT(id) AS id_count", sql);
        Assert.Contains("COUNT(DISTINCT customer_id) AS customer_id_count_distinct", sql);
        Assert.Matches(new Regex(@"COUNT\(\*\) AS [`""]?rows[`""]?", RegexOptions.IgnoreCase), sql);
    }

    [Theory]
    [InlineData("postgres", "CAST(SUM(quantity) AS BIGINT) AS quantity_sum")]
    [InlineData("duckdb", "CAST(SUM(quantity) AS BIGINT) AS quantity_sum")]
    [InlineData("redshift", "CAST(SUM(quantity) AS BIGINT) AS quantity_sum")]
    [InlineData("bigquery", "SUM(quantity) AS quantity_sum")]
    public void Sum_of_integers_stays_int64(string dialect, string expected) =>
        Assert.Contains(expected, Sql(EmitSamples.Relational(), dialect));

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Average_of_integers_is_a_float_average(string dialect) =>
        Assert.Contains($"AVG(CAST(quantity AS {D(dialect).TypeName(SqlType.Float64)})) AS quantity_avg", Sql(EmitSamples.Relational(), dialect));

    [Fact]
    public void A_full_join_on_a_spatial_condition_is_rewritten_where_PostgreSQL_cannot_run_it()
    {
        var b = new WorkflowBuilder("full");
        var z1 = b.Scan(new TableName(["z1"]), EmitSamples.Zones, "z1");
        var z2 = b.Scan(new TableName(["z2"]), EmitSamples.Zones, "z2");
        var condition = Call(F.Intersects, EmitSamples.Col(EmitSamples.Zones, "geom"), EmitSamples.Col(EmitSamples.Zones, "geom", 1));
        var join = b.Join(z1.Id, z2.Id, JoinKind.Full, condition, WorkflowBuilder.JoinedSuffixOutputs(EmitSamples.Zones, EmitSamples.Zones), "j");
        b.Sink(join.Id, new TableName(["out"]), WriteMode.Replace, "k");
        var workflow = b.ToWorkflow();

        var pg = Sql(workflow, "postgres");
        Assert.DoesNotContain("FULL OUTER JOIN", pg);
        // The scans are read through queries that normalize their geometries (z2_2 reads z2).
        Assert.Contains("LEFT JOIN z2_2 AS r\n      ON ST_Intersects(l.geom, r.geom)\n    UNION ALL", pg);
        Assert.Contains("CAST(NULL AS BIGINT) AS zone_id,", pg);
        Assert.Contains("WHERE NOT EXISTS (", pg);

        Assert.Contains("FULL OUTER JOIN z2 AS r\n  ON ST_INTERSECTS(l.geom, r.geom)", Sql(workflow, "bigquery"));

        var equi = b.ToWorkflow().WithNodes(workflow.Nodes.Select(n => n is JoinNode j
            ? j with { Condition = Eq(EmitSamples.Col(EmitSamples.Zones, "zone_id"), EmitSamples.Col(EmitSamples.Zones, "zone_id", 1)) }
            : n));
        Assert.Contains("FULL OUTER JOIN z2_2 AS r", Sql(equi, "postgres"));
    }

    [Theory]
    [InlineData("bigquery", "ST_ASBINARY(geom)")]
    [InlineData("snowflake", "ST_ASWKB(geom)")]
    [InlineData("redshift", "ST_ASBINARY(geom)")]
    [InlineData("databricks", "st_asbinary(geom)")]
    public void Distinct_over_geography_groups_by_its_binary_form_where_geography_is_not_comparable(string dialect, string key)
    {
        var b = new WorkflowBuilder("distinct");
        var zones = b.Scan(new TableName(["zones"]), EmitSamples.Zones, "zones");
        b.Sink(b.Distinct(zones.Id, "d").Id, new TableName(["out"]), WriteMode.Replace, "k");
        var sql = Sql(b.ToWorkflow(), dialect);
        Assert.Contains($"ANY_VALUE(geom) AS geom", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"GROUP BY zone_id, zone_name, {key}", sql);
        Assert.Contains("SELECT DISTINCT", Sql(b.ToWorkflow(), "postgres"));
    }

    [Fact]
    public void PostgreSQL_stores_geography_as_geometry_4326()
    {
        var sql = Sql(EmitSamples.Spatial(), "postgres");
        Assert.Contains("CAST(ST_SetSRID(geom_buffer, 4326) AS geometry(Geometry,4326)) AS geom_buffer", sql);
        Assert.Contains("ST_Buffer(geom::geography, CAST(500.0 AS DOUBLE PRECISION), 'quad_segs=32')::geometry", sql);
        Assert.Contains("ST_Area(geom::geography)", sql);
        Assert.Contains("ON ST_Within(l.geom, r.geom)", sql);
        Assert.Contains("ST_Centroid(geom) AS geom_centroid", sql);
    }

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Unknown_components_are_errors_that_name_the_step(string dialect)
    {
        var (b, orders) = Start();
        var origin = new CanvasLocation("flow.json", "n-7", "Isolines", null, "/nodes/3");
        var opaque = b.Opaque([orders.Id], "native.isolines", null, Schema.Open, ImmutableSortedDictionary<string, string>.Empty, "Isolines", origin);
        b.Sink(opaque.Id, new TableName(["t"]), WriteMode.Replace, "k");
        var result = SqlEmitter.Emit(b.ToWorkflow(), D(dialect));
        Assert.Null(result.Sql);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("CWF6001", error.Code);
        Assert.Equal(origin, error.Location);
        Assert.Contains("native.isolines", error.Message);
        Assert.Contains(D(dialect).DisplayName, error.Message);
    }

    [Fact]
    public void Custom_sql_placeholders_name_the_input_relations()
    {
        Assert.Equal("SELECT * FROM cte_a AS a JOIN t2 USING (id)",
            CustomSql.Substitute("SELECT * FROM $a AS a JOIN $b USING (id);", 2, i => i == 0 ? "cte_a" : "t2"));
        Assert.Equal("SELECT '$a', \"$a\", $abc, $$x$$, x$a -- $a\nFROM r",
            CustomSql.Substitute("SELECT '$a', \"$a\", $abc, $$x$$, x$a -- $a\nFROM $a", 1, _ => "r"));
        Assert.Equal("SELECT $c FROM r", CustomSql.Substitute("SELECT $c FROM $a", 2, _ => "r"));
    }

    [Fact]
    public void Procedures_are_refused_where_the_warehouse_has_none()
    {
        var result = SqlEmitter.Emit(EmitSamples.CustomAndParameters(), D("duckdb"), new EmitOptions { Mode = EmitMode.Procedure });
        Assert.Null(result.Sql);
        Assert.Equal("CWF6003", Assert.Single(result.Diagnostics).Code);
    }

    [Theory]
    [InlineData("postgres", "cwf_custom_sql(\n  p_min_amount DOUBLE PRECISION DEFAULT CAST(50.0 AS DOUBLE PRECISION),\n  p_label TEXT DEFAULT 'it''s big'\n)", "p_min_amount")]
    [InlineData("bigquery", "analytics.cwf_custom_sql(\n  p_min_amount FLOAT64,\n  p_label STRING\n)", "p_min_amount")]
    [InlineData("snowflake", "cwf_custom_sql(\n  p_min_amount FLOAT DEFAULT CAST(50.0 AS FLOAT),\n  p_label VARCHAR DEFAULT 'it\\'s big'\n)", ":p_min_amount")]
    [InlineData("redshift", "cwf_custom_sql(\n  p_min_amount DOUBLE PRECISION,\n  p_label VARCHAR(65535)\n)", "p_min_amount")]
    [InlineData("databricks", "`cwf_custom_sql`(\n  IN p_min_amount DOUBLE DEFAULT CAST(50.0 AS DOUBLE),\n  IN p_label STRING DEFAULT 'it\\'s big'\n)", "p_min_amount")]
    public void Procedures_take_the_public_parameters_and_inline_the_others(string dialect, string header, string reference)
    {
        var sql = Sql(EmitSamples.CustomAndParameters(), dialect, new EmitOptions { Mode = EmitMode.Procedure });
        Assert.Contains("CREATE OR REPLACE PROCEDURE " + header, sql);
        Assert.Contains($"WHERE amount >= {reference}\n", sql);
        Assert.Contains("LIMIT 5;", sql);
    }

    [Fact]
    public void A_BigQuery_procedure_needs_a_dataset()
    {
        var (b, orders) = Start();
        b.Sink(orders.Id, new TableName(["t"]), WriteMode.Replace, "k");
        var result = SqlEmitter.Emit(b.ToWorkflow(), D("bigquery"), new EmitOptions { Mode = EmitMode.Procedure });
        Assert.Equal("CWF6005", Assert.Single(result.Diagnostics, d => d.IsError).Code);
        var named = SqlEmitter.Emit(b.ToWorkflow(), D("bigquery"), new EmitOptions { Mode = EmitMode.Procedure, ProcedureName = "proj.ds.run_it" });
        Assert.Contains("CREATE OR REPLACE PROCEDURE proj.ds.run_it()", named.Sql);
    }

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Scripts_inline_every_parameter_as_a_typed_literal(string dialect)
    {
        var sql = Sql(EmitSamples.CustomAndParameters(), dialect);
        Assert.Contains("WHERE amount >= " + D(dialect).Literal(50.0, SqlType.Float64).Text, sql);
        Assert.Contains("LIMIT 5", sql);
        Assert.DoesNotContain("p_", sql);
    }

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Query_mode_is_one_select_per_output_and_writes_nothing(string dialect)
    {
        var sql = Sql(EmitSamples.Relational(), dialect, new EmitOptions { Mode = EmitMode.Query });
        Assert.DoesNotContain("CREATE", sql);
        Assert.DoesNotContain("INSERT", sql);
        Assert.Equal(4, Regex.Matches(sql, @"^-- output ", RegexOptions.Multiline).Count);
        Assert.Equal(4, Regex.Matches(sql, @";$", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void Query_mode_also_shows_steps_that_nothing_reads()
    {
        var (b, orders) = Start();
        b.Filter(orders.Id, Binary(BinaryOp.Greater, Amount, Literal.Int(1)), FilterBranch.Match, "Dangling");
        var sql = Sql(b.ToWorkflow(), "postgres", new EmitOptions { Mode = EmitMode.Query });
        Assert.Contains("-- step 'Dangling'\nSELECT", sql);
    }

    [Fact]
    public void An_operator_operand_of_a_cast_and_a_logical_sort_key_are_parenthesised()
    {
        var (b, orders) = Start();
        var big = Binary(BinaryOp.Greater, Amount, Literal.Int(10));
        var project = b.Project(orders.Id, [new NamedExpr("big", Cast(And(big, big), SqlType.String)), new NamedExpr("twice", Cast(Binary(BinaryOp.Multiply, Amount, Literal.Int(2)), SqlType.String))], "p");
        var sort = b.Sort(orders.Id, [new SortKey(Or(big, Not(big)), true)], "s");
        b.Sink(project.Id, new TableName(["p"]), WriteMode.Replace, "sp");
        b.Sink(sort.Id, new TableName(["s"]), WriteMode.Replace, "ss");
        var sql = Sql(b.ToWorkflow(), "postgres");
        Assert.Contains("CAST((amount > 10 AND amount > 10) AS TEXT) AS big", sql);
        Assert.Contains("CAST((amount * 2) AS TEXT) AS twice", sql);
        Assert.Contains("ORDER BY (amount > 10 OR NOT (amount > 10)) DESC NULLS LAST", sql);
    }

    [Fact]
    public void A_workflow_without_outputs_is_noted()
    {
        var (b, _) = Start();
        var result = SqlEmitter.Emit(b.ToWorkflow(), D("postgres"));
        Assert.NotNull(result.Sql);
        Assert.Equal("CWF6040", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Emission_is_deterministic()
    {
        foreach (var dialect in Dialects.All)
            foreach (var mode in Enum.GetValues<EmitMode>())
            {
                var options = new EmitOptions { Mode = mode };
                Assert.Equal(SqlEmitter.Emit(EmitSamples.Spatial(dialect: dialect), dialect, options).Sql, SqlEmitter.Emit(EmitSamples.Spatial(dialect: dialect), dialect, options).Sql);
            }
    }

    [Fact]
    public void A_ten_thousand_step_chain_emits_without_recursion()
    {
        var (b, orders) = Start("long");
        int last = orders.Id;
        for (int i = 0; i < 10_000; i++)
            last = b.Filter(last, Binary(BinaryOp.Greater, Amount, Literal.Int(i)), FilterBranch.Match, "step").Id;
        b.Sink(last, new TableName(["t"]), WriteMode.Replace, "k");
        var result = SqlEmitter.Emit(b.ToWorkflow(), D("postgres"));
        Assert.NotNull(result.Sql);
        Assert.Contains("step_9999 AS (", result.Sql);
    }

    [Theory]
    [InlineData("postgres", "LIKE 'a\\\\_b%'")]
    [InlineData("bigquery", "LIKE 'a\\\\\\\\_b%'")]
    [InlineData("duckdb", "LIKE 'a\\_b%'")]
    [InlineData("snowflake", "LIKE 'a\\\\_b%'")]
    public void Like_has_no_escape_character(string dialect, string expected)
    {
        var (b, orders) = Start();
        var like = Like(EmitSamples.Col(EmitSamples.Orders, "status"), Literal.String("a\\_b%"));
        b.Sink(b.Filter(orders.Id, like, FilterBranch.Match, "f").Id, new TableName(["t"]), WriteMode.Replace, "k");
        Assert.Contains("WHERE status " + expected, Sql(b.ToWorkflow(), dialect));
    }
}

public class EmitRobustnessTests
{
    /// <summary>Custom SQL with no known schema, raw SQL fragments and untyped NULLs still emit in every dialect and mode.</summary>
    [Fact]
    public void Open_schemas_raw_sql_and_unknown_types_emit_everywhere()
    {
        var b = new WorkflowBuilder("open");
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        var custom = b.Opaque([orders.Id], "native.customsql", "SELECT *, 1 AS extra FROM $a", Schema.Open,
            ImmutableSortedDictionary<string, string>.Empty, "Custom");
        var filtered = b.Filter(custom.Id, new RawSql("extra = 1", SqlType.Bool), FilterBranch.Unmatch, "Raw filter");
        var projected = b.Project(filtered.Id, [
            new("extra", new ColumnRef("extra", SqlType.Unknown)),
            new("nothing", Literal.Null()),
            new("raw_value", new RawSql("extra + 1", SqlType.Unknown)),
        ], "Project");
        var union = b.UnionAll([custom.Id, custom.Id], "Union");
        b.Sink(projected.Id, new TableName(["out", "projected"]), WriteMode.Replace, "k1");
        b.Sink(union.Id, new TableName(["out", "unioned"]), WriteMode.Append, "k2");
        var workflow = b.ToWorkflow();
        foreach (var dialect in Dialects.All)
            foreach (var mode in new[] { EmitMode.Script, EmitMode.Query })
            {
                var result = SqlEmitter.Emit(workflow, dialect, new EmitOptions { Mode = mode });
                Assert.True(result.Sql is not null, $"{dialect} {mode}: {string.Join("\n", result.Diagnostics)}");
                Assert.Contains("WHERE NOT COALESCE(extra = 1, FALSE)", result.Sql);
                Assert.Contains("extra + 1 AS raw_value", result.Sql);
                Assert.Contains("NULL AS nothing", result.Sql);
                if (mode == EmitMode.Script) Assert.Contains("INSERT INTO " + dialect.TableName(new TableName(["out", "unioned"])) + "\nWITH", result.Sql);
            }
    }

    [Fact]
    [Infrastructure.EngineTest(Infrastructure.Engine.DuckDb)]
    public void The_open_workflow_runs_on_DuckDB()
    {
        using var duck = new Infrastructure.DuckDbRunner();
        duck.LoadTable(EmitData.Orders());
        var b = new WorkflowBuilder("open");
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        var custom = b.Opaque([orders.Id], "native.customsql", "SELECT id, 1 AS extra FROM $a", Schema.Open,
            ImmutableSortedDictionary<string, string>.Empty, "Custom");
        var union = b.UnionAll([custom.Id, custom.Id], "Union");
        b.Sink(union.Id, new TableName(["unioned"]), WriteMode.Replace, "k");
        duck.RunScript(SqlEmitter.Emit(b.ToWorkflow(), Dialects.Find("duckdb")!).Sql!).EnsureSucceeded();
        Assert.Equal(10, duck.ReadTable("unioned").Count);
    }
}
