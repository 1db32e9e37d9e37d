using Cwf.Emit;

namespace Cwf.Tests.Security.Lexers;

/// <summary>The independent lexer of each registered dialect (a dialect without one fails the tests that iterate the registry).</summary>
public static class WarehouseLexers
{
    private static readonly WarehouseLexer[] All =
        [new BigQueryLexer(), new SnowflakeLexer(), new RedshiftLexer(), new DatabricksLexer(), new PostgresLexer(), new DuckDbLexer(), new TrinoLexer()];

    public static WarehouseLexer? Find(string dialectName) => All.FirstOrDefault(l => l.DialectName == dialectName);

    public static WarehouseLexer For(Dialect dialect) =>
        Find(dialect.Name) ?? throw new InvalidOperationException($"No independent lexer for the dialect '{dialect.Name}': add one under tests/Cwf.Tests/Security/Lexers.");
}
