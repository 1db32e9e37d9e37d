namespace Cwf.Tests.Infrastructure;

/// <summary>
/// What a slow test runs besides the compiler: an engine, a process or a parser. Tests that use one
/// carry <see cref="EngineTestAttribute"/>; <see cref="EngineGuard"/> fails those that do not.
/// </summary>
public enum Engine
{
    /// <summary>The test PostgreSQL + PostGIS server: <see cref="PostgresServer"/>, psql.</summary>
    PostgreSql,

    /// <summary>DuckDB in process (<see cref="DuckDbRunner"/>).</summary>
    DuckDb,

    /// <summary>The <c>./cwf</c> script as a separate process (it builds the command line when stale).</summary>
    Cli,

    /// <summary>bash, zsh or PowerShell (pwsh) in a process, checking and running the scripts of <c>cwf completions</c>.</summary>
    Shell,

    /// <summary>The independent SQL parsers of tests/sqlcheck in a node process (<see cref="SqlParsers"/>).</summary>
    Parser,

    /// <summary>A Node.js reference implementation (Interpretation/NodeReference), or a node tool (editors/vscode).</summary>
    Node,

    /// <summary>The playground's web server (`cwf serve`: Kestrel on 127.0.0.1, port 0) started in process.</summary>
    Playground,

    /// <summary>Debian's Chromium, headless, driven by puppeteer-core from a node process (tests/Cwf.Tests/Playground).</summary>
    Browser,
}

/// <summary>The xunit traits an <see cref="EngineTestAttribute"/> gives, as <c>dotnet test --filter</c> names them.</summary>
public static class EngineTraits
{
    /// <summary>Every engine test has <c>Category=Engine</c>; the fast tests are <c>Category!=Engine</c>.</summary>
    public const string Category = "Category";

    public const string EngineCategory = "Engine";

    /// <summary>The engine itself: <c>Engine=PostgreSQL</c>, <c>DuckDB</c>, <c>Cli</c>, <c>Shell</c>, <c>Parser</c>, <c>Node</c>, <c>Playground</c>, <c>Browser</c>.</summary>
    public const string EngineName = "Engine";

    public static string TraitValue(this Engine engine) => engine switch
    {
        Engine.PostgreSql => "PostgreSQL",
        Engine.DuckDb => "DuckDB",
        Engine.Cli => "Cli",
        Engine.Shell => "Shell",
        Engine.Parser => "Parser",
        Engine.Node => "Node",
        Engine.Playground => "Playground",
        Engine.Browser => "Browser",
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null),
    };
}
