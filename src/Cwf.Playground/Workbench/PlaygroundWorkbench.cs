using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Interpretation.Data;
using Cwf.Ir;
using Cwf.Playground.Api;
using Cwf.Text;

namespace Cwf.Playground.Workbench;

/// <summary>
/// What each endpoint does, without HTTP: the compiler's own pipeline on the editor's text, with the catalog and data of the
/// served file it names. Nothing here runs anything but the in-process interpreter: no connection strings, no processes.
/// </summary>
public sealed class PlaygroundWorkbench(ServedDirectory served)
{
    public const int DefaultRows = 20;
    public const int MaxRows = 1000;
    private const string DefaultDialect = "postgres";

    public ServedDirectory Served { get; } = served;

    public CheckResponse Check(WorkflowRequest request)
    {
        var (front, diagnostics) = Load(request);
        return new CheckResponse(DiagnosticViews.From(front?.Workflow is { } w ? [.. diagnostics, .. WorkflowAnalysisWarnings(w)] : diagnostics));
    }

    /// <summary>SQL for one dialect, or for every registered dialect when none is named.</summary>
    public CompileResponse Compile(WorkflowRequest request)
    {
        var (front, diagnostics) = Load(request);
        if (request.Dialect is { } name && Dialects.Find(name) is null) diagnostics.Add(UnknownDialect(name));
        if (front?.Workflow is not { } workflow || diagnostics.Any(d => d.IsError)) return new CompileResponse([], DiagnosticViews.From(diagnostics));
        var dialects = request.Dialect is { } chosen ? [Dialects.Find(chosen)!] : Dialects.All.AsEnumerable();
        var results = dialects.Select(dialect =>
        {
            var compiled = Compiler.Compile(workflow, new CompileOptions(dialect));
            return new SqlView(dialect.Name, compiled.HasErrors ? null : compiled.Sql, DiagnosticViews.From(compiled.Diagnostics));
        });
        return new CompileResponse([.. results], DiagnosticViews.From(diagnostics));
    }

    public GraphResponse Graph(WorkflowRequest request)
    {
        var (front, diagnostics) = Load(request);
        var dialect = ChosenDialect(request, diagnostics);
        if (front?.Workflow is not { } workflow || dialect is null) return new GraphResponse(null, DiagnosticViews.From(diagnostics));
        return new GraphResponse(GraphViews.From(workflow, dialect), DiagnosticViews.From(diagnostics));
    }

    /// <summary>A canvas export (or generated .sql) as .cwf text, with its graph; a .cwf program is refused as `cwf import` refuses it.</summary>
    public ImportResponse Import(WorkflowRequest request)
    {
        var (catalog, diagnostics) = LoadCatalog(request);
        var source = new SourceText(request.Path ?? "canvas.json", request.Source);
        if (InputDetector.Detect(source.Path, source.Text) == InputKind.Cwf)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticCodes.ImportNeedsCanvas, new FileLocation(source.Path),
                "this is a .cwf program already; import reads canvas exports (.json) and generated .sql files", "open it in the editor instead"));
            return new ImportResponse(null, null, DiagnosticViews.From(diagnostics));
        }
        var import = CanvasImporter.Import(source, catalog);
        diagnostics.AddRange(import.Diagnostics);
        if (import.HasErrors || import.Workflow is null) return new ImportResponse(null, null, DiagnosticViews.From(diagnostics));
        var dialect = ChosenDialect(request, diagnostics) ?? Dialects.Find(DefaultDialect)!;
        return new ImportResponse(CanvasDecompiler.ToCwf(import), GraphViews.From(import.Workflow, dialect), DiagnosticViews.From(diagnostics));
    }

    /// <summary>Runs the workflow with the reference interpreter on the data folder of the served file it names (CWF8102 when it has none).</summary>
    public RunResponse Run(WorkflowRequest request)
    {
        var (front, diagnostics) = Load(request);
        if (front?.Workflow is not { } workflow || diagnostics.Any(d => d.IsError)) return new RunResponse(null, [], [], DiagnosticViews.From(diagnostics));
        var fullPath = request.Path is null ? null : Served.Resolve(request.Path, out _);
        if ((fullPath is null ? null : Served.DataFolderFor(fullPath)) is not { } dataFolder)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticCodes.ServedDataMissing, new FileLocation(request.Path),
                request.Path is null ? "this workflow is not a file of the served folder, so it has no data to run on" : $"'{request.Path}' has no data folder",
                "put one file per source table in data/<name>/ beside a program (data/ beside a canvas export), as for `cwf run --data`"));
            return new RunResponse(null, [], [], DiagnosticViews.From(diagnostics));
        }
        var shownFolder = Path.GetRelativePath(Served.Root, dataFolder).Replace(Path.DirectorySeparatorChar, '/');

        var refused = ExternalServices.Refusals(workflow);
        diagnostics.AddRange(refused);
        if (!refused.IsEmpty) return new RunResponse(shownFolder, [], [], DiagnosticViews.From(diagnostics));
        var load = DataDirectory.Load(dataFolder, workflow);
        diagnostics.AddRange(load.Diagnostics);
        if (!load.Succeeded) return new RunResponse(shownFolder, [], [], DiagnosticViews.From(diagnostics));

        var run = Interpreter.Run(workflow, load.Tables);
        diagnostics.AddRange(run.Diagnostics);
        int rows = Math.Clamp(request.Rows ?? DefaultRows, 0, MaxRows);
        var outputs = run.Outputs.Tables
            .OrderBy(t => t.Name.ToString(), StringComparer.Ordinal)
            .Select(t => Output(t.Name.ToString(), t.Table, rows));
        var checks = run.Checks.Select(c => new CheckView(c.Check, c.Passed, c.Measure));
        return new RunResponse(shownFolder, [.. outputs], [.. checks], DiagnosticViews.From(diagnostics));
    }

    public FilesResponse Files() => new(Path.GetFileName(Served.Root), [.. Served.Workflows()], [.. Dialects.Names]);

    public FileResponse File(string path)
    {
        var (shown, text, problem) = Served.Read(path);
        return new FileResponse(shown, text, problem is null ? [] : [DiagnosticViews.From(problem)]);
    }

    private static OutputView Output(string name, Table table, int rows)
    {
        var first = rows >= table.Count ? table : new Table(table.Schema, table.Rows.Take(rows));
        var columns = table.Schema.Columns.Select(c => new ColumnView(c.Name, c.Type.Name()));
        bool spatial = table.Schema.Columns.Any(c => c.Type == SqlType.Geography);
        return new OutputView(name, [.. columns], table.Count,
            DataDirectory.Format(first, DataFormat.JsonLines),
            spatial ? DataDirectory.Format(first, DataFormat.GeoJson) : null);
    }

    /// <summary>The front end's result for the editor's text, named as the served file (so its catalog is found), and every diagnostic so far.</summary>
    private (FrontEndResult? Front, List<Diagnostic> Diagnostics) Load(WorkflowRequest request)
    {
        var (catalog, diagnostics) = LoadCatalog(request);
        if (diagnostics.Any(d => d.Code == DiagnosticCodes.ServedPathOutside.Code)) return (null, diagnostics);
        var source = new SourceText(request.Path ?? "playground.cwf", request.Source);
        var front = FrontEnd.Load(source, catalog);
        diagnostics.AddRange(front.Diagnostics);
        return (front, diagnostics);
    }

    /// <summary>
    /// The catalog sent with the request; else the one beside the served file, as `cwf` finds one without --catalog; else empty.
    /// A path that leaves the served folder is CWF8100 whether or not a catalog was sent.
    /// </summary>
    private (SchemaCatalog Catalog, List<Diagnostic> Diagnostics) LoadCatalog(WorkflowRequest request)
    {
        string? full = null;
        if (request.Path is { } path && (full = Served.Resolve(path, out var problem)) is null) return (SchemaCatalog.Empty, [problem!]);
        var (catalog, problems) = request.Catalog is { } text ? CatalogFile.Parse(new SourceText("catalog.json", text))
            : full is not null && CatalogFile.FindBeside(full) is { } catalogPath ? CatalogFile.Load(catalogPath)
            : (SchemaCatalog.Empty, []);
        return (catalog, [.. problems]);
    }

    private static Dialect? ChosenDialect(WorkflowRequest request, List<Diagnostic> diagnostics)
    {
        var name = request.Dialect ?? DefaultDialect;
        if (Dialects.Find(name) is { } dialect) return dialect;
        diagnostics.Add(UnknownDialect(name));
        return null;
    }

    private static Diagnostic UnknownDialect(string name) =>
        Diagnostic.Create(DiagnosticCodes.UnknownDialect, Location.None, $"unknown dialect '{name}'", "one of: " + string.Join(", ", Dialects.Names));

    /// <summary>The analyses' warnings (dead steps) that `cwf compile` reports too; checking alone would not reach them.</summary>
    private static IEnumerable<Diagnostic> WorkflowAnalysisWarnings(Workflow workflow) => Analysis.WorkflowAnalyzer.Analyze(workflow).Diagnostics;
}
