using System.Text.Json.Nodes;
using Cwf.Cli;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using Xunit.Sdk;

namespace Cwf.Tests.Conformance;

/// <summary>
/// The command line as the hidden tests use it (canvas-format 5b): the input and catalog written to
/// files, <c>cwf compile &lt;file&gt; --dialect d [--catalog c] [-o out]</c> run in process, the
/// exit code, standard output and standard error captured.
/// </summary>
internal static class CwfCli
{
    public sealed record Result(int ExitCode, string Output, string Error, string InputPath)
    {
        /// <summary>The SQL: standard output, after checking that the compile succeeded.</summary>
        public string Sql => ExitCode == 0 ? Output : throw new XunitException($"cwf exited {ExitCode}:\n{Error}");

        /// <summary>
        /// The diagnostics of a severity (<c>error</c>, <c>warning</c>, <c>info</c>) as printed: each one its
        /// header line (<c>file:line:col: severity CODE: message</c>) with the indented lines that follow it.
        /// </summary>
        public IReadOnlyList<string> Lines(string severity) => Blocks().Where(b => b.Severity == severity).Select(b => b.Text).ToList();

        public IReadOnlyList<string> Errors => Lines("error");
        public IReadOnlyList<string> Warnings => Lines("warning");

        private IEnumerable<(string Severity, string Text)> Blocks()
        {
            string? severity = null;
            var text = new System.Text.StringBuilder();
            foreach (var line in Error.Split('\n'))
            {
                var header = Header.Match(line);
                if (header.Success || line.Length == 0 || !char.IsWhiteSpace(line[0]))
                {
                    if (severity is not null) yield return (severity, text.ToString().TrimEnd());
                    severity = header.Success ? header.Groups[1].Value : null;
                    text.Clear();
                }
                if (severity is not null) text.Append(line).Append('\n');
            }
            if (severity is not null) yield return (severity, text.ToString().TrimEnd());
        }

        private static readonly System.Text.RegularExpressions.Regex Header = new(@": (error|warning|info) CWF\d{4}: ");

        public Result ExpectExit(int code)
        {
            if (ExitCode != code) throw new XunitException($"Expected exit code {code}, got {ExitCode}.\nstderr:\n{Error}\nstdout:\n{Output}");
            return this;
        }

        /// <summary>The one error (or warning) line that mentions every fragment; fails listing the diagnostics otherwise.</summary>
        public string Single(string severity, params string[] fragments)
        {
            var matching = Lines(severity).Where(l => fragments.All(f => l.Contains(f, StringComparison.Ordinal))).ToList();
            if (matching.Count != 1)
                throw new XunitException($"Expected one {severity} mentioning [{string.Join("], [", fragments)}], found {matching.Count}. stderr:\n{Error}");
            return matching[0];
        }
    }

    /// <summary>Compiles a canvas (export JSON text) with an optional catalog object.</summary>
    public static Result Compile(string canvasText, string dialect, JsonObject? catalog = null, string fileName = "canvas.json", params string[] extra)
    {
        var dir = Directory.CreateTempSubdirectory("cwf-conform").FullName;
        var input = Path.Combine(dir, fileName);
        File.WriteAllText(input, canvasText);
        var args = new List<string> { "compile", input, "--dialect", dialect };
        if (catalog is not null)
        {
            var catalogPath = Path.Combine(dir, "tables.catalog.json");
            File.WriteAllText(catalogPath, catalog.ToJsonString());
            args.AddRange(["--catalog", catalogPath]);
        }
        args.AddRange(extra);
        try
        {
            var r = Run([.. args]);
            return new Result(r.ExitCode, r.Output, r.Error, input);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static Result Compile(ProductCanvas canvas, string dialect, JsonObject? catalog = null, params string[] extra) =>
        Compile(canvas.ToJson(), dialect, catalog, "canvas.json", extra);

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = new CliApp(output, error).Run(args);
        return new Result(code, output.ToString(), error.ToString(), "");
    }

    /// <summary>A catalog file object from test tables.</summary>
    public static JsonObject Catalog(params TestTable[] tables) => new()
    {
        ["tables"] = new JsonArray([.. tables.Select(t => (JsonNode)new JsonObject
        {
            ["name"] = t.Name.ToString(),
            ["columns"] = new JsonArray([.. t.Schema.Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type.Name() })]),
        })]),
    };
}
