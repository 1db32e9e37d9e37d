namespace Cwf.Playground.Api;

// The JSON the page and the server exchange (spec/playground.md lists each endpoint with its message).

/// <summary>
/// A workflow as the editor holds it: its text, the served file it came from (for its catalog and data), a dialect, a row count,
/// and a catalog's JSON text (one dropped beside a canvas export) that takes the place of the served file's catalog.
/// </summary>
public sealed record WorkflowRequest(string Source, string? Path = null, string? Dialect = null, int? Rows = null, string? Catalog = null);

/// <summary>A diagnostic with its place: lines and columns from 1 (end exclusive) when it points into the text.</summary>
public sealed record DiagnosticView(
    string Code, string Severity, string Message, string[] Hints, string Where,
    int? StartLine = null, int? StartColumn = null, int? EndLine = null, int? EndColumn = null);

public sealed record CheckResponse(DiagnosticView[] Diagnostics);

/// <summary>The SQL of one dialect (null when an error stopped it) and that dialect's own diagnostics.</summary>
public sealed record SqlView(string Dialect, string? Sql, DiagnosticView[] Diagnostics);

public sealed record CompileResponse(SqlView[] Results, DiagnosticView[] Diagnostics);

/// <summary>
/// One step of the graph: its operator text, where it was written (the .cwf line or the canvas node), its output schema,
/// how the planner materializes it for the chosen dialect, and whether it is dead or shared.
/// </summary>
public sealed record NodeView(
    int Id, string Name, string Kind, string Operator, string Step, string Schema,
    string Materialization, string? MaterializationReason, bool Dead, bool Shared, int Reads, int? Line);

public sealed record EdgeView(int Source, int Target, int Port);

public sealed record GraphView(string Name, string Dialect, NodeView[] Nodes, EdgeView[] Edges);

public sealed record GraphResponse(GraphView? Graph, DiagnosticView[] Diagnostics);

/// <summary>A canvas export decompiled: the .cwf text, its graph and the import's diagnostics.</summary>
public sealed record ImportResponse(string? Cwf, GraphView? Graph, DiagnosticView[] Diagnostics);

public sealed record ColumnView(string Name, string Type);

/// <summary>
/// One output table of a run: its columns, its row count, its first rows as JSON lines (what `cwf run --out-format jsonl`
/// writes), and those rows as a GeoJSON FeatureCollection when the table has a geography column.
/// </summary>
public sealed record OutputView(string Table, ColumnView[] Columns, int RowCount, string Rows, string? GeoJson);

public sealed record CheckView(string Check, bool Passed, long Measure);

public sealed record RunResponse(string? DataFolder, OutputView[] Outputs, CheckView[] Checks, DiagnosticView[] Diagnostics);

public sealed record FilesResponse(string Root, string[] Files, string[] Dialects);

public sealed record FileResponse(string Path, string? Text, DiagnosticView[] Diagnostics);
