using Cwf.Emit;

namespace Cwf.Tests.Security.Lexers;

/// <summary>
/// The independent lexer of each warehouse. A registered dialect without one is unchecked: the
/// security tests iterate <see cref="Checked"/> and list the others (as the parser checks do), so
/// that adding a dialect takes no test edit; writing its lexer here is how it gets checked.
/// </summary>
public static class WarehouseLexers
{
    private static readonly WarehouseLexer[] All =
        [new BigQueryLexer(), new SnowflakeLexer(), new RedshiftLexer(), new DatabricksLexer(), new PostgresLexer(), new DuckDbLexer(), new TrinoLexer()];

    public static WarehouseLexer? Find(string dialectName) => All.FirstOrDefault(l => l.DialectName == dialectName);

    /// <summary>The registered dialects that have an independent lexer.</summary>
    public static IReadOnlyList<Dialect> Checked => [.. Dialects.All.Where(d => Find(d.Name) is not null)];

    /// <summary>The registered dialects whose emitted SQL no independent lexer reads.</summary>
    public static IReadOnlyList<Dialect> Unchecked => [.. Dialects.All.Where(d => Find(d.Name) is null)];

    public static WarehouseLexer For(Dialect dialect) =>
        Find(dialect.Name) ?? throw new InvalidOperationException($"No independent lexer for the dialect '{dialect.Name}': add one under tests/Cwf.Tests/Security/Lexers.");
}
