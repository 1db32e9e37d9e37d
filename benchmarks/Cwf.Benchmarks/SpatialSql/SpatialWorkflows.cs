using Cwf.Binding;
using Cwf.Catalog;
using Cwf.Ir;
using Cwf.Text;

namespace Cwf.Benchmarks.SpatialSql;

/// <summary>A benchmark workflow: its .cwf program and the tables it writes.</summary>
public sealed record SpatialWorkflow(string Name, string Title, string Program, string[] Outputs)
{
    public override string ToString() => Name;

    /// <summary>The same workflow written by hand for PostGIS (SpatialSql/handtuned/&lt;name&gt;.sql), writing the same tables.</summary>
    public string HandTuned() =>
        File.ReadAllText(Path.Combine(Shell.RepoRoot, "benchmarks", "Cwf.Benchmarks", "SpatialSql", "handtuned", Name + ".sql"));

    /// <summary>The workflow as the front end binds it (no optimization).</summary>
    public Workflow Bind()
    {
        var result = CwfFrontEnd.Compile(SourceText.From(Program, Name + ".cwf"), SchemaCatalog.Empty);
        if (result.HasErrors || result.Workflow is null)
            throw new InvalidOperationException($"{Name} does not compile:\n{string.Join("\n", result.Diagnostics)}");
        return result.Workflow;
    }
}

/// <summary>
/// The three workflows of the spatial SQL benchmark, written as users write them: the canvas
/// spatial join (every column of both sides, the other side's as <c>&lt;col&gt;_joined</c>) and
/// group-bys, over GeoNames cities (points with population) and country polygons.
/// </summary>
public static class SpatialWorkflows
{
    /// <summary>The two sources: the countries as shipped, invalid polygons included (every way repairs them as it reads them).</summary>
    private static string Sources() => """
        source cities = table "src.cities" {
          id: int64 not null,
          name: string,
          country: string,
          population: int64,
          geom: geography,
        }
        source countries = table "src.countries" { a3: string, geom: geography }
        """;

    public static SpatialWorkflow PointsInPolygons { get; } = new("W1", "every city in the country it lies in, count and population per country", $$"""
        workflow "Cities per country"

        {{Sources()}}

        let per_country = cities
          | spatial_join countries on within(cities.geom, countries.geom)
          | group by a3_joined { cities: count(), population: sum(population) }

        output per_country -> table "bench.w1_per_country" mode replace
        """, ["bench.w1_per_country"]);

    // Intersections with the invalid polygons as shipped throw in GEOS (TopologyException) unless they are repaired first.
    public static SpatialWorkflow BufferJoin { get; } = new("W2", "cities over 50,000 people, buffered 10 km, intersecting countries, per country", $$"""
        workflow "Country reach of large cities"

        {{Sources()}}

        let reach = cities
          | filter population > 50000
          | buffer geom by 10 km
          | spatial_join countries on intersects(geom_buffer, countries.geom)
          | group by a3_joined { cities: count(), population: sum(population) }

        output reach -> table "bench.w2_reach" mode replace
        """, ["bench.w2_reach"]);

    public static SpatialWorkflow SharedStep { get; } = new("W3", "towns over 1,000 people located once, then per country and per country and size class", $$"""
        workflow "Towns by country and size"

        {{Sources()}}

        let located = cities
          | filter population > 1000
          | spatial_join countries on within(cities.geom, countries.geom)
          | derive size = case when population >= 1000000 then 'large' when population >= 100000 then 'medium' else 'small' end

        let per_country = located
          | group by a3_joined { towns: count(), population: sum(population) }

        let per_size = located
          | group by a3_joined, size { towns: count(), population: sum(population) }

        output per_country -> table "bench.w3_per_country" mode replace
        output per_size -> table "bench.w3_per_size" mode replace
        """, ["bench.w3_per_country", "bench.w3_per_size"]);

    public static IReadOnlyList<SpatialWorkflow> All { get; } = [PointsInPolygons, BufferJoin, SharedStep];
}
