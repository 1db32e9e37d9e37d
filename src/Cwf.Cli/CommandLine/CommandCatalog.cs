namespace Cwf.Cli.CommandLine;

/// <summary>The command-line surface of cwf: every command with its arguments and options.</summary>
public static class CommandCatalog
{
    private static readonly string[] DiagnosticFormats = ["text", "json", "sarif"];

    private static readonly OptionSpec HelpOption = new("help", "show this help") { Alias = "h" };
    private static readonly OptionSpec Catalog = new("catalog", "JSON catalog of source table schemas (spec/catalog.md)", "file");
    private static readonly OptionSpec Dialect = new("dialect", "target warehouse: " + RegisteredDialects(), "name") { Suggestions = [.. Emit.Dialects.Names] };
    private static readonly OptionSpec Param = new("param", "override a parameter's default value (repeatable); a parameter declared with a unit also takes one: radius=1.5km", "name=value", Repeatable: true);
    private static readonly OptionSpec Now = new("now", "the time of the run for current_date and current_timestamp, UTC unless an offset is given (2026-01-31T12:00:00Z); the SQL then holds it as a literal", "time");
    private static readonly OptionSpec Output = new("output", "write the result to a file instead of standard output", "file") { Alias = "o" };
    private static readonly OptionSpec Format = new("format", "how diagnostics are printed on standard error", "fmt") { AllowedValues = DiagnosticFormats };
    private static readonly OptionSpec NoOpt = new("no-opt", "skip the optimizer");
    private static readonly OptionSpec DisablePass = new("disable-pass", "skip one optimizer pass (repeatable)", "name", Repeatable: true);
    private static readonly OptionSpec Toolbox = new("toolbox",
        "where the CARTO Analytics Toolbox is installed, for the functions only it has (Quadbin; H3 on BigQuery): a schema or project.dataset " +
        "(default: carto-un.carto on BigQuery, CARTO.CARTO on Snowflake, carto elsewhere); also \"toolbox\" in the catalog", "name");
    private static readonly OptionSpec CartoApiUrl = new("carto-api-url",
        "the CARTO account's API base URL for the toolbox's IMPORT_URL (an import source), written into the SQL; default: $CARTO_API_BASE_URL, else NULL (the toolbox's SETUP credentials)", "url");
    private static readonly OptionSpec CartoToken = new("carto-token",
        "the CARTO API access token for IMPORT_URL, written into the SQL (prefer $CARTO_API_ACCESS_TOKEN, which is the default, to keep it out of the shell history)", "token");
    private static readonly OptionSpec CartoConnection = new("carto-connection",
        "the name of the CARTO connection IMPORT_URL imports through (its connection argument); default: $CARTO_CONNECTION, else the warehouse's name (snowflake, redshift)", "name");
    private static readonly OptionSpec ReplaceStrategy = new("replace-strategy",
        "how a replace output takes its table's place: drop (the default: drop and create, or CREATE OR REPLACE; on PostgreSQL and Redshift " +
        "a view on the table blocks it), cascade (DROP TABLE ... CASCADE, which drops those views too; PostgreSQL and Redshift) or swap " +
        "(build the new table beside the old one, then drop the old one and rename the new one into place)", "strategy")
    { AllowedValues = ["drop", "cascade", "swap"] };

    public static CommandSpec Compile { get; } = new("compile", "Compile a .cwf program, canvas export or generated .sql file to warehouse SQL",
        ["file"],
        [Dialect, Catalog, Output,
         new OptionSpec("emit", "script: DDL/DML for every output; procedure: a stored procedure taking the public parameters; query: one SELECT per output", "mode") { AllowedValues = ["script", "procedure", "query"] },
         ReplaceStrategy, NoOpt, DisablePass, Param, Now, Toolbox, CartoApiUrl, CartoToken, CartoConnection, Format, HelpOption])
    {
        Notes = ["example: cwf compile examples/school_buffers.cwf --dialect postgres | psql -v ON_ERROR_STOP=1"],
    };

    public static CommandSpec Check { get; } = new("check", "Report the diagnostics of a workflow without writing SQL",
        ["file"], [Catalog, new OptionSpec("dialect", "also check that this warehouse can run it", "name") { Suggestions = [.. Emit.Dialects.Names] }, Param, Now, Toolbox, CartoApiUrl, CartoToken, CartoConnection, Format, HelpOption]);

    public static CommandSpec Import { get; } = new("import", "Decompile a canvas export (or generated .sql) into a .cwf program",
        ["file"], [Catalog, Output, Format, HelpOption]);

    public static CommandSpec Fmt { get; } = new("fmt", "Format a .cwf program in the canonical layout",
        ["file"], [new OptionSpec("check", "exit with 1 when the file is not formatted, writing nothing"), new OptionSpec("write", "rewrite the file in place") { Alias = "w" }, Format, HelpOption]);

    public static CommandSpec Graph { get; } = new("graph", "Print the workflow as a graph (operators, schemas, dead and shared steps)",
        ["file"], [new OptionSpec("format", "graph notation", "fmt") { AllowedValues = ["dot", "mermaid", "json", "svg", "png"] }, Catalog, Output, HelpOption]);

    public static CommandSpec Explain { get; } = new("explain", "Show the IR before and after each optimizer pass, pass timings and the materialization plan",
        ["file"], [Dialect, Catalog, NoOpt, DisablePass, Param, Now, Toolbox, Format, HelpOption]);

    public static CommandSpec Run { get; } = new("run", "Run a workflow: in process over data files, or on a PostgreSQL server",
        ["file"],
        [new OptionSpec("data", "folder with one file per source table (<table>.csv, .geojson or .jsonl)", "dir"),
         new OptionSpec("out", "folder for the output tables (default: the data folder)", "dir"),
         new OptionSpec("out-format", "file format of the outputs", "fmt") { AllowedValues = ["csv", "geojson", "jsonl"] },
         new OptionSpec("connection", "PostgreSQL connection string: compile for postgres and execute there", "cs"),
         new OptionSpec("quiet", "no line per step (the checks, the rows written and every problem are still reported)") { Alias = "q" },
         ReplaceStrategy, Param, Now, Toolbox, Catalog, Format, HelpOption])
    {
        Notes = ["Give either --data or --connection. Each step is reported as it ends (a live display when standard error is a terminal)."],
    };

    public static CommandSpec Completions { get; } = new("completions", "Print the shell completion script for bash, zsh or pwsh",
        ["shell"], [HelpOption])
    {
        Notes =
        [
            "bash: source <(cwf completions bash)   (or save it in ~/.local/share/bash-completion/completions/cwf)",
            "zsh:  source <(cwf completions zsh)",
            "pwsh: cwf completions pwsh | Out-String | Invoke-Expression   (or add that line to $PROFILE)",
        ],
    };

    public static CommandSpec Serve { get; } = new("serve", "Open the web playground on a folder's workflows: editor, diagnostics, graph, SQL, import, runs on its data",
        ["dir"],
        [new OptionSpec("port", "the port to listen on (0 picks a free one; default 5170)", "n"),
         new OptionSpec("host", "the address to listen on (default 127.0.0.1: this machine only)", "address"), HelpOption])
    {
        OptionalPositionals = 1,
        Notes = ["example: cwf serve examples   (then open the address it prints; spec/playground.md)"],
    };


    public static CommandSpec Lsp { get; } = new("lsp", "Run the language server for editors (LSP over standard input and output; spec/language-server.md)",
        [], [new OptionSpec("stdio", "talk over standard input and output (the only transport; editors' clients pass it)"), HelpOption]);

    public static IReadOnlyList<CommandSpec> All { get; } = [Compile, Check, Import, Fmt, Graph, Explain, Run, Serve, Lsp, Completions];

    public static CommandSpec? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>Every registered dialect's name, as a list in a sentence (<c>a, b or c</c>).</summary>
    private static string RegisteredDialects()
    {
        var names = Emit.Dialects.Names.ToList();
        return names.Count < 2 ? string.Concat(names) : string.Join(", ", names[..^1]) + " or " + names[^1];
    }
}
