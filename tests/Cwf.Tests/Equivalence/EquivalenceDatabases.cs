using System.Globalization;
using Cwf.Tests.Infrastructure;
using Npgsql;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// Databases for the equivalence properties, created like a user's: UTF-8 with a Unicode-aware
/// character classification (<c>C.utf8</c>, so <c>upper('é')</c> is <c>É</c> as in the
/// interpreter, where the test cluster's plain C locale leaves non-ASCII letters alone), and
/// optionally a linguistic default collation (ICU), under which only the collation the compiler
/// writes keeps string order by code point. From template0 (a locale other than template1's),
/// with PostGIS added.
/// </summary>
public static class EquivalenceDatabases
{
    private static int _count;

    /// <param name="icuLocale">null: code-point order (<c>C.utf8</c>); else an ICU locale such as <c>en-US</c> for the default collation.</param>
    public static async Task<PgDatabase> CreateAsync(PostgresServer server, string purpose, string? icuLocale = null)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"cwf_{Environment.ProcessId}_eq{Interlocked.Increment(ref _count)}_{purpose}");
        var locale = icuLocale is null
            ? "LOCALE 'C.utf8'"
            : $"LOCALE 'C.utf8' LOCALE_PROVIDER icu ICU_LOCALE '{icuLocale}'";
        await using (var admin = NpgsqlDataSource.Create(server.Endpoint.ConnectionString))
        await using (var create = admin.CreateCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' {locale}"))
            await create.ExecuteNonQueryAsync();
        // PostGIS before the database's own data source loads its types, so that geometries map.
        await using (var fresh = NpgsqlDataSource.Create(server.Endpoint.ForDatabase(name)))
        await using (var extension = fresh.CreateCommand("CREATE EXTENSION IF NOT EXISTS postgis"))
            await extension.ExecuteNonQueryAsync();
        return new PgDatabase(server, name);
    }
}
