using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// DuckDB's own parser, in process: DuckDB.NET splits and parses a whole script (duckdb_extract_statements)
/// before it binds and runs the first statement, so a syntax error anywhere is reported as a
/// "Parser Error" even where an earlier statement would fail to bind (a missing table, or a
/// spatial function without the spatial extension, which cannot be installed here). One empty
/// in-memory database serves every check.
/// </summary>
public sealed class DuckDbParser : IDisposable
{
    private readonly DuckDbRunner _duck = new();

    /// <summary>The parser's error, or null when every statement parses.</summary>
    public string? Error(string script)
    {
        var run = _duck.RunScript(script);
        if (run.Succeeded) return null;
        _duck.RunScript("ROLLBACK");
        return run.Error is { } error && error.Contains("Parser Error", StringComparison.OrdinalIgnoreCase) ? error : null;
    }

    public void Dispose() => _duck.Dispose();
}
