using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Cwf.Tests.Security;

/// <summary>
/// The canonical payloads, compiled for PostgreSQL and DuckDB and run: on PostgreSQL through
/// <c>psql -v ON_ERROR_STOP=1</c> as users run scripts (psql's meta-commands and its NUL handling
/// count), with a DDL event-trigger log; on DuckDB in process. A canary table must survive every
/// run, DDL may only touch the output schema, and every stored name and string value must equal
/// the payload exactly.
/// The DuckDB half is <see cref="DuckDbInjectionExecutionTests"/>.
/// </summary>
[Collection(PostgresCollection.Name)]
[EngineTest(Engine.PostgreSql)]
public sealed class InjectionExecutionTests(PostgresServer server, ITestOutputHelper output)
{
    /// <summary>What a place's payload becomes in the database.</summary>
    internal enum Storage { Value, Name, SourceName, Nothing }

    private static readonly (string Place, Storage Stored)[] Places =
    [
        ("cwf title", Storage.Nothing), ("canvas title", Storage.Nothing),
        ("cwf source table", Storage.SourceName), ("cwf output table", Storage.Name), ("canvas output table", Storage.Name),
        ("cwf source column", Storage.Name), ("cwf derived column", Storage.Name), ("cwf select alias", Storage.Name),
        ("canvas new column name", Storage.Name), ("canvas catalog column", Storage.Name),
        ("cwf string literal", Storage.Value), ("cwf parameter default", Storage.Value), ("cwf --param override", Storage.Value),
        ("cwf sql step literal", Storage.Value), ("canvas variable as @v", Storage.Value), ("canvas variable in custom SQL", Storage.Value),
        ("canvas custom SQL literal", Storage.Value), ("canvas variable as {{@v}} in SQL", Storage.Nothing),
    ];

    /// <summary>The cases to run on a dialect: (cell, payload, what to check, compiled SQL, the source tables to create).</summary>
    internal static IEnumerable<(InjectionCell Cell, string Expected, Storage Stored, string Sql, List<ScanNode> Sources)> Cases(Dialect dialect)
    {
        foreach (var (name, stored) in Places)
        {
            var place = InjectionPlaces.Find(name);
            foreach (var (_, payload) in InjectionPayloads.Canonical)
            {
                if (place.Build(payload, dialect) is not { } input) continue;
                var (workflow, failure) = InjectionCompiler.Load(input);
                if (failure is not null) continue;
                foreach (var mode in InjectionCompiler.Targets().Where(t => t.Dialect == dialect).Select(t => t.Mode))
                {
                    if (InjectionCompiler.Compile(workflow!, dialect, mode).Sql is not { } sql) continue;
                    yield return (new InjectionCell(name, dialect.Name, mode), place.Expected(payload), stored, sql, [.. workflow!.Nodes.OfType<ScanNode>()]);
                }
            }
        }
    }

    [Fact]
    public async Task On_PostgreSQL_through_psql_nothing_escapes_and_names_and_values_are_stored_exactly()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(DdlLog);
        var failures = new List<string>();
        int runs = 0;
        foreach (var c in Cases(Dialects.Find("postgres")!))
        {
            await db.ExecuteAsync("DROP SCHEMA IF EXISTS s CASCADE; DROP SCHEMA IF EXISTS o CASCADE; DROP TABLE IF EXISTS public.canary; " +
                                  "CREATE TABLE public.canary (id int); INSERT INTO public.canary VALUES (1); " + DropProcedures);
            foreach (var scan in c.Sources) await db.LoadTableAsync(SourceTable(scan));
            await db.ExecuteAsync("TRUNCATE public.ddl_log");
            var run = await db.RunPsqlAsync(c.Sql);
            // A procedure script creates the procedure; its header says how to run it.
            if (c.Cell.Mode == EmitMode.Procedure && run.Succeeded)
                run = await db.RunPsqlAsync(c.Sql.Split('\n').First(l => l.StartsWith("-- Run: ", StringComparison.Ordinal))["-- Run: ".Length..]);
            runs++;
            var problems = new List<string>();
            if (!run.Succeeded) problems.Add($"psql failed: {run.StandardError.Trim()}");
            if (!await CanaryAsync(db)) problems.Add("the canary table is gone");
            problems.AddRange((await db.QueryAsync("SELECT tag, object FROM public.ddl_log")).Rows
                .Where(r => !InOutputSchema((string?)r[1]))
                .Select(r => $"DDL outside the output schema: {r[0]} {r[1]}"));
            if (c.Cell.Mode != EmitMode.Query && run.Succeeded) problems.AddRange(await StoredAsync(db, c.Expected, c.Stored, c.Sources));
            Record(failures, c.Cell, c.Expected, c.Sql, problems);
        }
        Report(output, failures, runs);
    }

    /// <summary>
    /// Issue 12: a CR in a custom SQL variable came out as LF on PostgreSQL. The variable was pasted raw
    /// into the custom SQL, and the emitter splits custom SQL into lines at CR, LF and CRLF to indent it;
    /// it is now written by the dialect's literal function (E'...\r...'), so the value arrives intact.
    /// </summary>
    [Fact]
    public async Task A_carriage_return_in_a_custom_SQL_variable_reaches_PostgreSQL_byte_for_byte()
    {
        const string value = "a\rb\r\nc\\d'e";
        var input = InjectionPlaces.Find("canvas variable in custom SQL").Build(value, Dialects.Find("postgres")!)!;
        var (workflow, failure) = InjectionCompiler.Load(input);
        Assert.Null(failure);
        var sql = InjectionCompiler.Compile(workflow!, Dialects.Find("postgres")!, EmitMode.Script).Sql!;
        Assert.Contains("E'a\\rb\\r\\nc\\\\d''e'", sql, StringComparison.Ordinal);
        await using var db = await server.CreateDatabaseAsync();
        foreach (var scan in workflow!.Nodes.OfType<ScanNode>()) await db.LoadTableAsync(SourceTable(scan));
        (await db.RunPsqlAsync(sql)).EnsureSucceeded();
        Assert.Equal(value, (await db.QueryAsync("SELECT c FROM o.out")).Rows.Single()[0]);
    }

    // ---- checks ----------------------------------------------------------------------------------

    /// <summary>Every DDL command touched the output schema <c>o</c>, a temporary object, or the workflow's procedure.</summary>
    private static bool InOutputSchema(string? identity) =>
        identity is "o" || identity is not null && (identity.StartsWith("o.", StringComparison.Ordinal) || identity.StartsWith("pg_temp", StringComparison.Ordinal)
                                                    || identity.StartsWith("public.cwf_", StringComparison.Ordinal));

    private static async Task<bool> CanaryAsync(PgDatabase db) =>
        await db.TableExistsAsync("public.canary") && Count(await db.QueryAsync("SELECT count(*) AS n FROM public.canary")) == 1;

    /// <summary>The single number a count query returns (rows come back normalized: a count is a decimal).</summary>
    internal static long Count(RowSet rows) => Convert.ToInt64(rows.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IEnumerable<string>> StoredAsync(PgDatabase db, string expected, Storage stored, List<ScanNode> sources)
    {
        var names = (await db.QueryAsync("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'o'")).Rows
            .Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
        var values = new List<object?>();
        foreach (var table in names.Select(n => n.Item1).Distinct())
            values.AddRange((await db.QueryAsync($"SELECT * FROM o.{SqlNames.Quote(table)}")).Rows.SelectMany(r => r));
        return Stored(expected, stored, names, values, sources);
    }

    /// <summary>The payload is a table or column name of the output schema, a stored value, or the name of a source that was read.</summary>
    internal static IEnumerable<string> Stored(string expected, Storage stored, List<(string Table, string Column)> names, List<object?> values, List<ScanNode> sources)
    {
        bool found = stored switch
        {
            Storage.Name => names.Any(n => n.Table == expected || n.Column == expected),
            Storage.Value => values.Any(v => v as string == expected),
            Storage.SourceName => sources.Any(s => s.Table.Table == expected) && values.Count > 0,
            _ => true,
        };
        if (!found)
            yield return $"not stored exactly: expected «{IdentifierRules.Display(expected)}» among names [{string.Join(", ", names.Select(n => IdentifierRules.Display(n.Table + "." + n.Column)))}] " +
                         $"and values [{string.Join(", ", values.OfType<string>().Select(IdentifierRules.Display))}]";
    }

    /// <summary>One row per source table: 1 for integers, 2.5 for floats, 'n' for strings (other types stay NULL).</summary>
    internal static TestTable SourceTable(ScanNode scan) =>
        new(scan.Table, scan.TableSchema, [[.. scan.TableSchema.Columns.Select(c => c.Type switch
        {
            SqlType.Int64 => (object?)1L,
            SqlType.Float64 => 2.5,
            SqlType.String => "n",
            _ => null,
        })]]);

    internal static void Record(List<string> failures, InjectionCell cell, string payload, string sql, List<string> problems)
    {
        if (problems.Count == 0) return;
        var line = $"{cell} with «{IdentifierRules.Display(payload)}»: {string.Join("; ", problems)}";
        failures.Add(line + "\n" + sql);
    }

    internal static void Report(ITestOutputHelper output, List<string> failures, int runs)
    {
        output.WriteLine($"{runs} scripts run");
        Assert.True(runs > 100, $"only {runs} scripts ran: the cases are not built");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
    }

    /// <summary>
    /// Drops the procedures an earlier case created: a case whose title names the same procedure
    /// with other arguments could not replace it.
    /// </summary>
    private const string DropProcedures = """
        DO $d$
        DECLARE r record;
        BEGIN
          FOR r IN SELECT oid::regprocedure AS p FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND prokind = 'p' LOOP
            EXECUTE 'DROP PROCEDURE ' || r.p;
          END LOOP;
        END $d$;
        """;

    /// <summary>A log of every DDL command and dropped object, kept by event triggers (the test server's user is a superuser).</summary>
    private const string DdlLog = """
        CREATE TABLE public.ddl_log (tag text, object text);
        CREATE FUNCTION public.log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $f$
        DECLARE r record;
        BEGIN
          FOR r IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
            INSERT INTO public.ddl_log VALUES (r.command_tag, r.object_identity);
          END LOOP;
        END $f$;
        CREATE FUNCTION public.log_drop() RETURNS event_trigger LANGUAGE plpgsql AS $f$
        DECLARE r record;
        BEGIN
          FOR r IN SELECT * FROM pg_event_trigger_dropped_objects() LOOP
            INSERT INTO public.ddl_log VALUES ('DROP ' || r.object_type, r.object_identity);
          END LOOP;
        END $f$;
        CREATE EVENT TRIGGER cwf_log_ddl ON ddl_command_end EXECUTE FUNCTION public.log_ddl();
        CREATE EVENT TRIGGER cwf_log_drop ON sql_drop EXECUTE FUNCTION public.log_drop();
        """;
}
