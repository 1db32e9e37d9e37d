namespace Cwf.Interpretation.Data;

/// <summary>The file formats of a data directory (spec/interpreter.md, "Data files").</summary>
public enum DataFormat
{
    /// <summary>RFC 4180 CSV with a header row; an empty unquoted field is NULL; geography as WKT.</summary>
    Csv,
    /// <summary>A GeoJSON FeatureCollection: the first geography column is each feature's geometry, the rest are properties.</summary>
    GeoJson,
    /// <summary>One JSON object per line; geography as WKT strings (GeoJSON objects are also read).</summary>
    JsonLines,
}

public static class DataFormats
{
    public static string Extension(this DataFormat format) => format switch
    {
        DataFormat.Csv => ".csv",
        DataFormat.GeoJson => ".geojson",
        DataFormat.JsonLines => ".jsonl",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The format of a file by its extension (case-insensitive), or null.</summary>
    public static DataFormat? FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => DataFormat.Csv,
        ".geojson" => DataFormat.GeoJson,
        ".jsonl" => DataFormat.JsonLines,
        _ => null,
    };

    /// <summary>Reads a format name as the command line gives it: csv, geojson, jsonl (or json-lines, ndjson).</summary>
    public static DataFormat? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "csv" => DataFormat.Csv,
        "geojson" => DataFormat.GeoJson,
        "jsonl" or "json-lines" or "jsonlines" or "ndjson" => DataFormat.JsonLines,
        _ => null,
    };
}
