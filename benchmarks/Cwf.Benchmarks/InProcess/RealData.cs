using Cwf.Diagnostics;
using Cwf.Interpretation;
using Cwf.Interpretation.Data;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using Cwf.Benchmarks.SpatialSql;

namespace Cwf.Benchmarks.InProcess;

/// <summary>
/// The spatial benchmark's data (<see cref="BenchmarkData"/>: 135,233 cities, 220 country
/// polygons as shipped) as the interpreter's input tables <c>src.cities</c> and
/// <c>src.countries</c>, read from the same CSV files the PostGIS cluster loads: city points made
/// from lon/lat as <c>ST_MakePoint</c> makes them, countries parsed from their GeoJSON. The
/// invalid polygons stay invalid here; the interpreter's scan repairs them, as the workflows' SQL does.
/// </summary>
internal static class RealData
{
    public static Database Load()
    {
        BenchmarkData.Install();
        var cities = Read("cities.csv", [
            new Column("id", SqlType.Int64), new Column("name", SqlType.String), new Column("country", SqlType.String),
            new Column("population", SqlType.Int64), new Column("lon", SqlType.Float64), new Column("lat", SqlType.Float64)]);
        var cityRows = cities.RowArrays
            .Select(r => new[] { r[0], r[1], r[2], r[3], Geography.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate((double)r[4]!, (double)r[5]!)) })
            .ToArray<object?[]>();
        var countries = Read("countries.csv", [new Column("a3", SqlType.String), new Column("geojson", SqlType.Geography)]);

        var citySchema = new Schema(cities.Schema.Columns.Take(4).Append(new Column("geom", SqlType.Geography)).ToSeq());
        var countrySchema = new Schema(new[] { countries.Schema[0], new Column("geom", SqlType.Geography) }.ToSeq());
        return Database.Empty
            .With(TableName.TryParse("src.cities")!, Table.FromTrustedRows(citySchema, cityRows))
            .With(TableName.TryParse("src.countries")!, Table.FromTrustedRows(countrySchema, countries.RowArrays));
    }

    private static Table Read(string file, Column[] columns)
    {
        var diagnostics = new DiagnosticBag();
        var path = Path.Combine(BenchmarkData.CsvDirectory, file);
        return DataDirectory.ReadFile(path, new Schema(columns.ToSeq()), diagnostics)
            ?? throw new InvalidOperationException($"cannot read {path}:\n{string.Join("\n", diagnostics.ToImmutable())}");
    }
}
