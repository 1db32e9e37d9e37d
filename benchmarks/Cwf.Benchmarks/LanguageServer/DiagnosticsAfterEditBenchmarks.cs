using System.Text;
using BenchmarkDotNet.Attributes;
using Cwf.LanguageServer.Documents;
using Cwf.LanguageServer.Features;
using Cwf.LanguageServer.Protocol;
using LspRange = Cwf.LanguageServer.Protocol.Range;

namespace Cwf.Benchmarks.LanguageServer;

/// <summary>
/// What <c>cwf lsp</c> does once the debounce after a keystroke runs out, on a 1,000-line .cwf file: apply the
/// edit, run the pipeline of <c>cwf check</c> (with a dialect's capability checks, or without) and convert the
/// diagnostics for publishing. Issue 18's target: under 100 ms on a quiet machine (benchmarks/README.md).
/// </summary>
[MemoryDiagnoser]
public class DiagnosticsAfterEditBenchmarks
{
    private const string Uri = "file:///bench/thousand.cwf";
    private Workspace _workspace = null!;
    private int _version;
    private int _editLine;

    [Params(null, "postgres")]
    public string? Dialect { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workspace = new Workspace(new DocumentAnalyzer(new CatalogCache())) { Settings = ServerSettings.Default with { Dialect = Dialect } };
        var text = ThousandLines();
        _editLine = text.Split('\n').Length / 2;
        _workspace.Open(new TextDocumentItem(Uri, "cwf", _version = 1, text));
        _workspace.Analysis(Uri);
    }

    /// <summary>One keystroke in the middle of the file (a character typed, or deleted again), then the diagnostics.</summary>
    [Benchmark]
    public int DiagnosticsAfterOneKeystroke()
    {
        bool typing = _version % 2 == 1;
        var range = new LspRange(new Position(_editLine, 2), new Position(_editLine, typing ? 2 : 3));
        _workspace.Change(new VersionedTextDocumentIdentifier(Uri, ++_version), [new TextDocumentContentChangeEvent(range, typing ? " " : "")]);
        var analysis = _workspace.Analysis(Uri)!;
        return analysis.Diagnostics.Select(d => DiagnosticConverter.Convert(d, analysis.Source)).Count();
    }

    /// <summary>A realistic program of about 1,000 lines: sources with declared columns, lets of several steps, outputs.</summary>
    public static string ThousandLines()
    {
        var text = new StringBuilder("workflow \"thousand lines\"\nparam min_fare = 5\n");
        int lines = 2, i = 0;
        while (lines < 990)
        {
            text.Append($"source trips{i} = table \"src.trips{i}\" {{ id: int64, fare: float64, name: string, lat: float64, lon: float64 }}\n")
                .Append($"let near{i} = trips{i}\n")
                .Append($"  | filter fare > @min_fare and name <> 'x'\n")
                .Append($"  | derive total = fare * 1.2, label = upper(name)\n")
                .Append($"  | point lat = lat, lon = lon\n")
                .Append($"  | buffer geom by {i + 1} m\n")
                .Append($"  | select id, total, label, geom_buffer\n")
                .Append($"  | sort total desc\n")
                .Append($"output near{i} -> table \"out.near{i}\" mode replace\n\n");
            lines += 10;
            i++;
        }
        return text.ToString();
    }
}
