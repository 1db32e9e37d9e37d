using Cwf.Ir;
using Cwf.Tests.Generators;
using Cwf.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Cwf.Tests.Equivalence;

/// <summary>
/// Property: for random workflows over every IR operator and random data (NULLs, duplicates,
/// empty tables, unicode strings, points, lines, polygons with holes, multipolygons, empty
/// geometries), the PostgreSQL/PostGIS script run with psql (ON_ERROR_STOP) writes exactly the
/// tables the reference interpreter computes. H3 is left out (h3-pg is not packaged here).
/// </summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class PostgresEquivalenceTests(PostgresServer server, ITestOutputHelper output)
{
    /// <summary>Cases per run: four per property iteration (400 by default).</summary>
    public static int CaseCount => 4 * TestSettings.PropertyIterations;

    [Fact]
    public Task PostgreSQL_writes_what_the_interpreter_computes() =>
        new EquivalenceCheck(
                async () => new PostgresEngine(await EquivalenceDatabases.CreateAsync(server, "postgis")),
                EquivalenceCases.Gen(GeneratorOptions.PostgreSql),
                output)
            .RunAsync(CaseCount, stream: 1);

    /// <summary>
    /// The same in a database whose default collation is linguistic (ICU en-US, where 'a' sorts
    /// before 'B'), as many users' are: the compiled SQL still orders, compares and takes MIN/MAX
    /// of strings by code point, as the IR does. ASCII data only, because ICU also upper-cases
    /// ß to SS, which the IR does not promise (spec/dialects.md, strings).
    /// </summary>
    [Fact]
    public Task PostgreSQL_orders_strings_by_code_point_under_a_linguistic_collation() =>
        new EquivalenceCheck(
                async () => new PostgresEngine(await EquivalenceDatabases.CreateAsync(server, "icu", icuLocale: "en-US")),
                EquivalenceCases.Gen(GeneratorOptions.PostgreSql with { UnicodeStrings = false, Types = [SqlType.String, SqlType.Int64, SqlType.Bool, SqlType.Date] }),
                output)
            .RunAsync(2 * TestSettings.PropertyIterations, stream: 2);
}
