using Cwf.Emit;
using Cwf.Ir;

namespace Cwf.Tests.Emit;

/// <summary>Identifiers, table names, generated relation names and literals, per dialect.</summary>
public class NamingAndLiteralTests
{
    private static Dialect D(string name) => Dialects.Find(name)!;

    [Theory]
    [InlineData("postgres", "revenue", "revenue")]
    [InlineData("postgres", "Revenue", "\"Revenue\"")]
    [InlineData("postgres", "order", "\"order\"")]
    [InlineData("postgres", "my col", "\"my col\"")]
    [InlineData("postgres", "a\"b", "\"a\"\"b\"")]
    [InlineData("redshift", "Revenue", "Revenue")]
    [InlineData("duckdb", "Revenue", "Revenue")]
    [InlineData("bigquery", "Revenue", "Revenue")]
    [InlineData("bigquery", "select", "`select`")]
    [InlineData("bigquery", "a`b", "`a\\`b`")]
    [InlineData("databricks", "my col", "`my col`")]
    [InlineData("databricks", "a`b", "`a``b`")]
    // Snowflake: plain names stay bare (revenue finds REVENUE); a reserved plain name is quoted as the bare name would fold.
    [InlineData("snowflake", "revenue", "revenue")]
    [InlineData("snowflake", "Revenue", "Revenue")]
    [InlineData("snowflake", "order", "\"ORDER\"")]
    [InlineData("snowflake", "my col", "\"my col\"")]
    public void Identifiers_are_quoted_only_where_needed(string dialect, string name, string expected) =>
        Assert.Equal(expected, D(dialect).Identifier(name));

    [Theory]
    [InlineData("bigquery", "my-project.ds.t", "`my-project.ds.t`")]
    [InlineData("bigquery", "proj.ds.t", "proj.ds.t")]
    [InlineData("databricks", "main.sales.orders", "`main`.`sales`.`orders`")]
    [InlineData("snowflake", "db.public.order", "db.public.\"ORDER\"")]
    [InlineData("postgres", "analytics.Orders", "analytics.\"Orders\"")]
    public void Table_names_follow_each_warehouses_conventions(string dialect, string name, string expected) =>
        Assert.Equal(expected, D(dialect).TableName(TableName.TryParse(name)!));

    [Theory]
    [InlineData("postgres", "it's", "'it''s'")]
    [InlineData("postgres", "a\\b", "'a\\b'")]
    [InlineData("postgres", "a\nb\\c", "E'a\\nb\\\\c'")]
    [InlineData("duckdb", "tab\there", "E'tab\\there'")]
    [InlineData("bigquery", "it's a\\b\n", "'it\\'s a\\\\b\\n'")]
    [InlineData("snowflake", "it's", "'it\\'s'")]
    [InlineData("databricks", "it's", "'it\\'s'")]
    [InlineData("redshift", "it's a\\b", "'it''s a\\\\b'")]
    public void String_literals_escape_per_dialect_and_never_hold_a_raw_line_break(string dialect, string value, string expected)
    {
        var text = D(dialect).Literal(value, SqlType.String).Text;
        Assert.Equal(expected, text);
        Assert.DoesNotContain('\n', text);
    }

    [Theory]
    [InlineData("bigquery", 1.5, "1.5")]
    [InlineData("bigquery", 2.0, "2.0")]
    [InlineData("postgres", 1.5, "CAST(1.5 AS DOUBLE PRECISION)")]
    [InlineData("databricks", 1e-7, "CAST(1E-07 AS DOUBLE)")]
    [InlineData("postgres", double.NaN, "CAST('NaN' AS DOUBLE PRECISION)")]
    [InlineData("snowflake", double.PositiveInfinity, "CAST('inf' AS FLOAT)")]
    public void Float_literals_are_typed_as_float64(string dialect, double value, string expected) =>
        Assert.Equal(expected, D(dialect).Literal(value, SqlType.Float64).Text);

    [Theory]
    [InlineData("postgres", "CAST(NULL AS geometry(Geometry,4326))")]
    [InlineData("bigquery", "CAST(NULL AS GEOGRAPHY)")]
    public void Typed_nulls_are_cast(string dialect, string expected) =>
        Assert.Equal(expected, D(dialect).Literal(null, SqlType.Geography).Text);

    [Fact]
    public void Other_literals_use_standard_typed_forms()
    {
        var pg = D("postgres");
        Assert.Equal("DATE '2024-02-29'", pg.Literal(new DateOnly(2024, 2, 29), SqlType.Date).Text);
        Assert.Equal("TIMESTAMP '2024-02-29 13:45:00'", pg.Literal(new DateTime(2024, 2, 29, 13, 45, 0), SqlType.Timestamp).Text);
        Assert.Equal("TIMESTAMP '2024-02-29 13:45:00.25'", pg.Literal(new DateTime(2024, 2, 29, 13, 45, 0, 250), SqlType.Timestamp).Text);
        Assert.Equal("CAST(12.50 AS NUMERIC)", pg.Literal(12.50m, SqlType.Decimal).Text);
        Assert.Equal("NUMERIC '12.50'", D("bigquery").Literal(12.50m, SqlType.Decimal).Text);
        Assert.Equal("-3", pg.Literal(-3L, SqlType.Int64).Text);
        Assert.Equal("NULL", pg.Literal(null, SqlType.Unknown).Text);
    }

    [Fact]
    public void Relation_names_are_sanitized_unique_short_and_stable()
    {
        var namer = new RelationNamer(["orders"]);
        RelNode Node(int id, string name) => new ScanNode(id, name, new TableName(["t"]), Schema.Empty);
        Assert.Equal("simple_filter", namer.Next(Node(1, "Simple Filter")));
        Assert.Equal("simple_filter_2", namer.Next(Node(2, "simple filter")));
        Assert.Equal("orders_2", namer.Next(Node(3, "Orders")));
        Assert.Equal("select_", namer.Next(Node(4, "SELECT")));
        Assert.Equal("n_2024_sales", namer.Next(Node(5, "2024 sales!")));
        Assert.Equal("cafe_creme", namer.Next(Node(6, "Café crème")));
        Assert.Equal("filter_7", namer.Next(new FilterNode(7, "", 1, Literal.Bool(true), FilterBranch.Match)));

        var longName = string.Concat(Enumerable.Repeat("very long step name ", 10));
        var first = namer.Next(Node(8, longName));
        var second = namer.Next(Node(9, longName));
        Assert.True(first.Length <= 63 && second.Length <= 63);
        Assert.NotEqual(first, second);
        Assert.Equal(first, new RelationNamer([]).Next(Node(8, longName)));
        Assert.Matches("^very_long_step_name_.*_[0-9a-f]{8}$", first);
    }

    [Fact]
    public void PostgreSQL_keeps_two_table_name_parts_and_warns()
    {
        var b = new WorkflowBuilder("parts");
        var scan = b.Scan(new TableName(["proj", "shop", "orders"]), EmitSamples.Orders, "orders");
        b.Sink(scan.Id, new TableName(["proj", "out", "t"]), WriteMode.Replace, "k");
        var result = SqlEmitter.Emit(b.ToWorkflow(), D("postgres"));
        Assert.Contains("FROM shop.orders", result.Sql);
        Assert.Contains("CREATE TABLE out.t AS", result.Sql);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == "CWF6031"));
    }

    [Fact]
    public void Output_names_longer_than_the_dialect_allows_are_warnings()
    {
        var b = new WorkflowBuilder("long names");
        var longColumn = new string('c', 70);
        var scan = b.Scan(new TableName(["t"]), new Schema([new(longColumn, SqlType.Int64)]), "t");
        b.Sink(scan.Id, new TableName(["out"]), WriteMode.Replace, "k");
        Assert.Contains(SqlEmitter.Emit(b.ToWorkflow(), D("postgres")).Diagnostics, d => d.Code == "CWF6030" && d.Message.Contains("70 bytes", StringComparison.Ordinal));
        Assert.DoesNotContain(SqlEmitter.Emit(b.ToWorkflow(), D("snowflake")).Diagnostics, d => d.Code == "CWF6030");
    }
}
