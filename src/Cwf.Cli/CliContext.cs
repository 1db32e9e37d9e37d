using Cwf.Catalog;
using Cwf.Cli.CommandLine;
using Cwf.Diagnostics;
using Cwf.Diagnostics.Formatters;
using Cwf.Emit;
using Cwf.Text;

namespace Cwf.Cli;

/// <summary>What every command needs: the parsed arguments, the output streams, and the shared steps (read the input, load the catalog, print diagnostics).</summary>
public sealed class CliContext(ParsedCommand command, TextWriter output, TextWriter error)
{
    private readonly Dictionary<string, SourceText?> _sources = new(StringComparer.Ordinal);

    public ParsedCommand Command { get; } = command;
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Whether standard error is a terminal, where progress can be a live display.</summary>
    public bool ErrorIsTerminal { get; init; }

    public DiagnosticFormat Format => DiagnosticFormatter.Parse(Command.Value("format") ?? "text") ?? DiagnosticFormat.Text;

    /// <summary>The input file named by the first argument; a missing or unreadable file is a usage error.</summary>
    public SourceText ReadInput() => ReadFile(Command.Positionals[0], "input file");

    public SourceText ReadFile(string path, string what)
    {
        try
        {
            var source = new SourceText(path, File.ReadAllText(path));
            _sources[path] = source;
            return source;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            throw new UsageException($"cannot read {what} '{path}': {reason}");
        }
    }

    /// <summary>
    /// The catalog given with --catalog; without the option, <c>&lt;input&gt;.catalog.json</c> or
    /// <c>catalog.json</c> beside the input when one exists (said on standard error); else empty.
    /// Its problems are input errors, reported by the caller.
    /// </summary>
    public (SchemaCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics) LoadCatalog() => _catalog ??= ReadCatalog();

    private (SchemaCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics)? _catalog;

    /// <summary>
    /// The toolbox location of --toolbox, else the catalog's <c>"toolbox"</c>, else null (the dialect's default);
    /// a --toolbox that is not one or two dotted names is a usage error.
    /// </summary>
    public Ir.TableName? Toolbox()
    {
        if (Command.Value("toolbox") is not { } text) return LoadCatalog().Catalog.Toolbox;
        return Ir.TableName.TryParseSchemaPath(text)
            ?? throw new UsageException($"--toolbox '{text}' is not a schema or project.dataset (one or two dotted names, quoted with \" or ` where they hold dots)", Help.UsageLine(Command.Spec));
    }

    /// <summary>
    /// The CARTO credentials for the toolbox's import procedures: --carto-api-url and --carto-token, else the environment's
    /// CARTO_API_BASE_URL and CARTO_API_ACCESS_TOKEN (which keep the token out of the shell history); unset ones are null.
    /// The connection's name likewise: --carto-connection, else CARTO_CONNECTION.
    /// </summary>
    public Emit.CartoCredentials Carto() => new(
        Command.Value("carto-api-url") ?? NonEmpty(Environment.GetEnvironmentVariable("CARTO_API_BASE_URL")),
        Command.Value("carto-token") ?? NonEmpty(Environment.GetEnvironmentVariable("CARTO_API_ACCESS_TOKEN")))
    {
        Connection = Command.Value("carto-connection") ?? NonEmpty(Environment.GetEnvironmentVariable("CARTO_CONNECTION")),
    };

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private (SchemaCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics) ReadCatalog()
    {
        var path = Command.Value("catalog") ?? DiscoverCatalog();
        if (path is null) return (SchemaCatalog.Empty, []);
        if (Command.Value("catalog") is null) Error.WriteLine($"cwf: using the catalog {path}");
        return CatalogFile.Parse(ReadFile(path, "catalog"));
    }

    private string? DiscoverCatalog() => CatalogFile.FindBeside(Command.Positionals[0]);

    /// <summary>The dialect of --dialect, required when <paramref name="required"/>; an unknown name is a usage error with code CWF6000 that lists the registered dialects.</summary>
    public Dialect? Dialect(bool required)
    {
        var name = Command.Value("dialect");
        if (name is null)
        {
            if (!required) return null;
            throw new UsageException($"missing option --dialect <name>; one of: {string.Join(", ", Dialects.Names)}", Help.UsageLine(Command.Spec));
        }
        return Dialects.Find(name) ?? throw new UsageException(
            $"unknown dialect '{name}'; valid dialects: {string.Join(", ", Dialects.Names)}" +
            (NameSuggestions.Closest(name, Dialects.Names) is { } best ? $" (did you mean '{best}'?)" : ""),
            Help.UsageLine(Command.Spec), DiagnosticCodes.UnknownDialect.Code);
    }

    /// <summary>Whether a reported diagnostic was an internal compiler error (the command then exits with <see cref="ExitCodes.InternalError"/>).</summary>
    public bool ReportedInternalError { get; private set; }

    /// <summary>Prints diagnostics (to standard error unless <paramref name="toOutput"/>), with a summary line in text format.</summary>
    public void Report(IReadOnlyList<Diagnostic> diagnostics, bool toOutput = false)
    {
        if (diagnostics.Any(d => d.Descriptor == DiagnosticCodes.InternalError)) ReportedInternalError = true;
        var writer = toOutput ? Output : Error;
        var format = Format;
        if (format == DiagnosticFormat.Text && diagnostics.Count == 0) return;
        var options = new DiagnosticFormatOptions { SourceLookup = Lookup };
        writer.Write(DiagnosticFormatter.Format(format, diagnostics, options));
        if (format == DiagnosticFormat.Text && DiagnosticFormatter.Summary(diagnostics) is { } summary)
            writer.WriteLine(summary);
    }

    /// <summary>Writes a result to --output, or to standard output.</summary>
    public void WriteResult(string text)
    {
        if (Command.Value("output") is { } path)
        {
            try
            {
                File.WriteAllText(path, text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new UsageException($"cannot write '{path}': {e.Message}");
            }
        }
        else Output.Write(text);
    }

    private SourceText? Lookup(string path)
    {
        if (_sources.TryGetValue(path, out var known)) return known;
        try
        {
            return _sources[path] = File.Exists(path) ? new SourceText(path, File.ReadAllText(path)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return _sources[path] = null;
        }
    }
}
