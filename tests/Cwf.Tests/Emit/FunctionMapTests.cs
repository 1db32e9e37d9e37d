using System.Text;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Snapshots;
using F = Cwf.Ir.Functions;

namespace Cwf.Tests.Emit;

/// <summary>Every dialect translates every IR function and aggregate, with the right argument order and units.</summary>
public class FunctionMapTests
{
    public static TheoryData<string> DialectNames => new(Dialects.Names);

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Maps_every_function_for_every_argument_count(string dialectName)
    {
        var dialect = Dialects.Find(dialectName)!;
        foreach (var function in F.All)
        {
            var mapping = dialect.Functions.Find(function);
            Assert.True(mapping is not null, $"{dialect.Name} has no entry for {function.Name}");
            if (!mapping.IsAvailable)
            {
                Assert.False(string.IsNullOrWhiteSpace(mapping.Workaround), $"{dialect.Name}: {function.Name} is unavailable without a workaround");
                continue;
            }
            if (mapping.Joined is not null)
            {
                Assert.True(function.Variadic, $"{function.Name} is joined but not variadic");
                continue;
            }
            Assert.Equal(function.MaxArgs - function.MinArgs + 1, mapping.Templates.Length);
            for (int i = 0; i < mapping.Templates.Length; i++)
                Assert.Equal(function.MinArgs + i, mapping.Templates[i].Arity);
        }
    }

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Maps_every_aggregate(string dialectName)
    {
        var dialect = Dialects.Find(dialectName)!;
        foreach (var aggregate in Enum.GetValues<AggregateFunction>())
        {
            if (aggregate.IsSpatial())
            {
                // {0} the geography; make line also {1}, its order.
                var mapping = dialect.Aggregates.Spatial(aggregate);
                if (mapping.IsAvailable) Assert.InRange(mapping.Templates[0].Arity, 1, aggregate == AggregateFunction.MakeLine ? 2 : 1);
                else Assert.False(string.IsNullOrEmpty(mapping.Workaround));
                continue;
            }
            var (template, _) = dialect.Aggregates[aggregate];
            Assert.Equal(aggregate == AggregateFunction.CountAll ? 0 : 1, template.Arity);
        }
    }

    /// <summary>Each dialect's rendering of every function and aggregate, one line each: reviewed as a snapshot.</summary>
    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Function_translations(string dialectName)
    {
        var dialect = Dialects.Find(dialectName)!;
        var sb = new StringBuilder();
        foreach (var function in F.All)
        {
            int max = function.Variadic ? function.MinArgs + 1 : function.MaxArgs;
            for (int count = function.MinArgs; count <= max; count++)
            {
                var call = SampleCall(function, count);
                // A date or timestamp argument: the timestamp too, which some warehouses write otherwise.
                Call[] calls = function.Parameters.Count > 0 && function.Parameters[0] == ArgKind.Temporal
                    ? [call, (Call)ExprFactory.Call(function, [Arg("ts", SqlType.Timestamp), .. call.Args.Skip(1)])]
                    : [call];
                foreach (var sample in calls)
                {
                    var (sql, diagnostics) = FunctionRendering.Render(dialect, sample);
                    sb.Append(sample).Append("\n    ").Append(sql).Append('\n');
                    foreach (var d in diagnostics) sb.Append("    ! ").Append(d.Code).Append(' ').Append(d.Severity.ToString().ToLowerInvariant()).Append('\n');
                }
            }
        }
        foreach (var aggregate in Enum.GetValues<AggregateFunction>())
        {
            foreach (var argument in AggregateArguments(aggregate))
            {
                var call = aggregate == AggregateFunction.MakeLine
                    ? new AggregateCall("a", aggregate, argument, AggregateCall.LineOrder(argument!, [new WindowKey(Arg("t", SqlType.Int64), false, false)]))
                    : new AggregateCall("a", aggregate, argument);
                var sql = aggregate.IsSpatial() && !dialect.Aggregates.Spatial(aggregate).IsAvailable ? "n/a" : FunctionRendering.RenderAggregate(dialect, call);
                sb.Append(call).Append("\n    ").Append(sql).Append('\n');
            }
        }
        Snapshot.Match(sb.ToString(), $"functions/{dialect.Name}", "txt");
    }

    private static IEnumerable<Expr?> AggregateArguments(AggregateFunction aggregate) => aggregate switch
    {
        AggregateFunction.CountAll => [null],
        AggregateFunction.Sum or AggregateFunction.Avg => [Arg("n", SqlType.Int64), Arg("x", SqlType.Float64), Arg("m", SqlType.Decimal)],
        _ when aggregate.IsSpatial() => [Arg("g", SqlType.Geography)],
        _ => [Arg("x", SqlType.Float64)],
    };

    /// <summary>A call with columns named for their kind: lon/lat for points, g and h for geographies, s/t/u for strings.</summary>
    public static Call SampleCall(BuiltinFunction function, int count)
    {
        var args = new List<Expr>();
        for (int i = 0; i < count; i++)
        {
            var kind = function.ParameterAt(i);
            args.Add(kind switch
            {
                ArgKind.String => Arg(function == F.H3Boundary ? "cell" : "stu"[Math.Min(i, 2)].ToString(), SqlType.String),
                ArgKind.Integer => Arg(function == F.H3FromPoint ? "resolution" : "k", SqlType.Int64),
                ArgKind.Numeric when function == F.Point => Arg(i == 0 ? "lon" : "lat", SqlType.Float64),
                ArgKind.Numeric when function.Category == FunctionCategory.Spatial => Arg("meters", SqlType.Float64),
                ArgKind.Numeric => Arg("xyz"[Math.Min(i, 2)].ToString(), SqlType.Float64),
                ArgKind.Temporal or ArgKind.Date => Arg("d", SqlType.Date),
                ArgKind.Timestamp => Arg("ts", SqlType.Timestamp),
                ArgKind.Geography => Arg("gh"[Math.Min(i, 1)].ToString(), SqlType.Geography),
                _ => Arg("xyz"[Math.Min(i, 2)].ToString(), SqlType.Float64),
            });
        }
        return (Call)ExprFactory.Call(function, [.. args]);
    }

    private static ColumnRef Arg(string name, SqlType type) => new(name, type);

    // ---- argument order and units, entry by entry ------------------------------------------------

    private static string Sql(string dialect, BuiltinFunction function, params Expr[] args) =>
        FunctionRendering.Render(Dialects.Find(dialect)!, (Call)ExprFactory.Call(function, args)).Sql;

    private static readonly ColumnRef G = new("g", SqlType.Geography);
    private static readonly ColumnRef H = new("h", SqlType.Geography);
    private static readonly ColumnRef Lon = new("lon", SqlType.Float64);
    private static readonly ColumnRef Lat = new("lat", SqlType.Float64);
    private static readonly ColumnRef Meters = new("meters", SqlType.Float64);

    [Theory]
    [InlineData("bigquery", "ST_GEOGPOINT(lon, lat)")]
    [InlineData("snowflake", "ST_MAKEPOINT(lon, lat)")]
    [InlineData("redshift", "ST_SetSRID(ST_Point(lon, lat), 4326)")]
    [InlineData("databricks", "st_point(lon, lat, 4326)")]
    [InlineData("postgres", "ST_SetSRID(ST_MakePoint(lon, lat), 4326)")]
    [InlineData("duckdb", "ST_Point(lon, lat)")]
    public void Points_are_longitude_first_with_srid_4326_where_geometry_needs_it(string dialect, string expected) =>
        Assert.Equal(expected, Sql(dialect, F.Point, Lon, Lat));

    [Theory]
    [InlineData("bigquery", "ST_DISTANCE(g, h)")]
    [InlineData("snowflake", "ST_DISTANCE(g, h)")]
    [InlineData("redshift", "ST_Distance(CAST(g AS GEOGRAPHY), CAST(h AS GEOGRAPHY))")]
    [InlineData("databricks", "st_distancespheroid(g, h)")]
    [InlineData("postgres", "ST_Distance(g::geography, h::geography)")]
    [InlineData("duckdb", "ST_Distance_Spheroid(ST_FlipCoordinates(g), ST_FlipCoordinates(h))")]
    public void Distance_is_in_meters(string dialect, string expected) =>
        Assert.Equal(expected, Sql(dialect, F.Distance, G, H));

    [Theory]
    [InlineData("bigquery", "ST_DWITHIN(g, h, meters)")]
    [InlineData("snowflake", "ST_DWITHIN(g, h, meters)")]
    [InlineData("redshift", "ST_Distance(CAST(g AS GEOGRAPHY), CAST(h AS GEOGRAPHY)) <= meters")]
    [InlineData("databricks", "st_distancespheroid(g, h) <= meters")]
    [InlineData("postgres", "ST_DWithin(g::geography, h::geography, meters)")]
    [InlineData("duckdb", "ST_Distance_Spheroid(ST_FlipCoordinates(g), ST_FlipCoordinates(h)) <= meters")]
    public void Within_distance_is_in_meters(string dialect, string expected) =>
        Assert.Equal(expected, Sql(dialect, F.DWithin, G, H, Meters));

    [Theory]
    [InlineData("bigquery", "ST_AREA(g)", "ST_LENGTH(g)")]
    [InlineData("snowflake", "ST_AREA(g)", "ST_LENGTH(g)")]
    [InlineData("redshift", "ST_Area(CAST(g AS GEOGRAPHY))", "ST_Length(CAST(g AS GEOGRAPHY))")]
    [InlineData("databricks", "st_area(st_geogfromwkb(st_asbinary(g)))", "st_length(st_geogfromwkb(st_asbinary(g)))")]
    [InlineData("postgres", "ST_Area(g::geography)", "ST_Length(g::geography)")]
    [InlineData("duckdb", "ST_Area_Spheroid(ST_FlipCoordinates(g))", "ST_Length_Spheroid(ST_FlipCoordinates(g))")]
    public void Area_and_length_are_geodesic(string dialect, string area, string length)
    {
        Assert.Equal(area, Sql(dialect, F.Area, G));
        Assert.Equal(length, Sql(dialect, F.LengthMeters, G));
    }

    [Theory]
    [InlineData("bigquery", "ST_BUFFER(g, meters * 1.003222)")]
    [InlineData("postgres", "ST_Buffer(g::geography, meters, 'quad_segs=32')::geometry")]
    public void Buffer_is_native_in_meters_where_the_warehouse_has_it(string dialect, string expected) =>
        Assert.Equal(expected, Sql(dialect, F.Buffer, G, Meters));

    [Theory]
    [InlineData("snowflake", "ST_TRANSFORM(TO_GEOMETRY(ST_ASWKB(g), 4326), 32600", ", meters * 1.003222)")]
    [InlineData("redshift", "ST_Transform(ST_Buffer(ST_Transform(g, 32600", ", meters, 32)")]
    [InlineData("databricks", "st_transform(st_buffer(st_transform(g, 32600", ", meters * 1.003222)")]
    [InlineData("duckdb", "ST_Transform(ST_Buffer(ST_Transform(g, 'EPSG:4326', 'EPSG:' || CAST(32600", ", meters, 32)")]
    public void Buffer_goes_through_the_utm_zone_where_only_planar_buffers_exist(string dialect, string expected, string radiusAndSegments)
    {
        var (sql, diagnostics) = FunctionRendering.Render(Dialects.Find(dialect)!, (Call)ExprFactory.Call(F.Buffer, G, Meters));
        Assert.Contains(expected, sql);
        Assert.Contains(radiusAndSegments, sql);
        Assert.Contains(diagnostics, d => d.Code == "CWF6021");
    }

    [Theory]
    [InlineData("postgres", "ST_Intersects(g, h)", "ST_Centroid(g)")]
    [InlineData("redshift", "ST_Intersects(g, h)", "ST_Centroid(g)")]
    [InlineData("bigquery", "ST_INTERSECTS(g, h)", "ST_CENTROID(g)")]
    public void Predicates_and_centroids_stay_on_the_stored_type(string dialect, string intersects, string centroid)
    {
        Assert.Equal(intersects, Sql(dialect, F.Intersects, G, H));
        Assert.Equal(centroid, Sql(dialect, F.Centroid, G));
    }

    [Theory]
    [InlineData("postgres", "ST_Within(g, h)", "ST_Contains(g, h)", "ST_Covers(g, h)")]
    [InlineData("snowflake", "ST_WITHIN(g, h)", "ST_CONTAINS(g, h)", "ST_COVERS(g, h)")]
    [InlineData("databricks", "st_within(g, h)", "st_contains(g, h)", "st_covers(g, h)")]
    public void Predicates_keep_their_argument_order(string dialect, string within, string contains, string covers)
    {
        Assert.Equal(within, Sql(dialect, F.Within, G, H));
        Assert.Equal(contains, Sql(dialect, F.Contains, G, H));
        Assert.Equal(covers, Sql(dialect, F.Covers, G, H));
    }

    [Theory]
    [InlineData("bigquery", "`carto-un`.carto.H3_FROMGEOGPOINT(g, resolution)")]
    [InlineData("snowflake", "H3_POINT_TO_CELL_STRING(g, resolution)")]
    [InlineData("redshift", "LOWER(TO_HEX(H3_FromPoint(g, resolution)))")]
    [InlineData("databricks", "h3_longlatash3string(st_x(g), st_y(g), CAST(resolution AS INT))")]
    [InlineData("postgres", "h3_lat_lng_to_cell(g, CAST(resolution AS INTEGER))::text")]
    [InlineData("duckdb", "h3_latlng_to_cell_string(ST_Y(g), ST_X(g), CAST(resolution AS INTEGER))")]
    public void H3_cells_are_hex_strings_with_latitude_first_only_where_the_function_wants_it(string dialect, string expected) =>
        Assert.Equal(expected, Sql(dialect, F.H3FromPoint, G, new ColumnRef("resolution", SqlType.Int64)));

    [Theory]
    [InlineData("postgres", "CWF6020", "h3-pg")]
    [InlineData("bigquery", "CWF6020", "CARTO")]
    [InlineData("duckdb", "CWF6020", "h3 community extension")]
    public void H3_outside_the_warehouse_says_what_to_install(string dialect, string code, string mention)
    {
        var (_, diagnostics) = FunctionRendering.Render(Dialects.Find(dialect)!, (Call)ExprFactory.Call(F.H3Boundary, new ColumnRef("cell", SqlType.String)));
        var diagnostic = Assert.Single(diagnostics, d => d.Code == code && d.Message.Contains(mention, StringComparison.Ordinal));
        Assert.NotEmpty(diagnostic.Hints);
    }

    [Fact]
    public void Snowflake_touches_is_an_error_with_a_workaround()
    {
        var (_, diagnostics) = FunctionRendering.Render(Dialects.Find("snowflake")!, (Call)ExprFactory.Call(F.Touches, G, H));
        var error = Assert.Single(diagnostics);
        Assert.Equal("CWF6002", error.Code);
        Assert.Contains("Snowflake", error.Message);
        Assert.Contains("st_touches", error.Message);
        Assert.NotEmpty(error.Hints);
    }

    [Theory]
    [InlineData("snowflake", "CHARINDEX(t, s)")]
    [InlineData("databricks", "CAST(INSTR(s, t) AS BIGINT)")]
    [InlineData("postgres", "CAST(STRPOS(s, t) AS BIGINT)")]
    [InlineData("bigquery", "STRPOS(s, t)")]
    public void Strpos_takes_the_string_then_the_substring(string dialect, string expected) =>
        Assert.Equal(expected, Sql(dialect, F.StrPos, new ColumnRef("s", SqlType.String), new ColumnRef("t", SqlType.String)));

    [Theory]
    [InlineData("redshift", "LOG(x)")]
    [InlineData("snowflake", "LOG(10, x)")]
    [InlineData("postgres", "LOG10(x)")]
    public void Log10_is_base_ten(string dialect, string expected) =>
        Assert.Equal(expected, Sql(dialect, F.Log10, new ColumnRef("x", SqlType.Float64)));

    [Fact]
    public void Rounding_an_integer_to_a_whole_number_is_the_integer() =>
        Assert.Equal("n", Sql("bigquery", F.Round, new ColumnRef("n", SqlType.Int64)));

    [Theory]
    [InlineData("bigquery", "CAST(ROUND(CAST(n AS NUMERIC), k) AS INT64)")]
    [InlineData("postgres", "CAST(CAST(ROUND(CAST(CAST(n AS NUMERIC) AS NUMERIC), CAST(k AS INTEGER)) AS NUMERIC) AS BIGINT)")]
    public void Rounding_an_integer_to_digits_rounds_a_decimal(string dialect, string expected) =>
        Assert.Equal(expected, Sql(dialect, F.Round, new ColumnRef("n", SqlType.Int64), new ColumnRef("k", SqlType.Int64)));

    [Fact]
    public void Float_math_on_decimals_computes_in_float() =>
        Assert.Equal("SQRT(CAST(m AS DOUBLE PRECISION))", Sql("postgres", F.Sqrt, new ColumnRef("m", SqlType.Decimal)));
}
