using Cwf.Emit;
using Cwf.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Cwf.Tests.Security;

/// <summary>
/// The canonical payloads compiled for DuckDB and run in process: a canary table must survive,
/// no table may appear outside the source and output schemas, and every stored name and value
/// must equal the payload exactly (the PostgreSQL half is <see cref="InjectionExecutionTests"/>).
/// </summary>
[EngineTest(Engine.DuckDb)]
public sealed class DuckDbInjectionExecutionTests(ITestOutputHelper output)
{
    [Fact]
    public void On_DuckDB_nothing_escapes_and_names_and_values_are_stored_exactly()
    {
        var failures = new List<string>();
        int runs = 0;
        foreach (var c in InjectionExecutionTests.Cases(Dialects.Find("duckdb")!))
        {
            using var duck = new DuckDbRunner();
            duck.RunScript("CREATE TABLE main.canary (id INTEGER); INSERT INTO main.canary VALUES (1);").EnsureSucceeded();
            foreach (var scan in c.Sources) duck.LoadTable(InjectionExecutionTests.SourceTable(scan));
            var run = duck.RunScript(c.Sql);
            runs++;
            var problems = new List<string>();
            if (!run.Succeeded) problems.Add($"DuckDB failed: {run.Error}");
            if (InjectionExecutionTests.Count(duck.Query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'canary'")) != 1
                || InjectionExecutionTests.Count(duck.Query("SELECT count(*) AS n FROM main.canary")) != 1)
                problems.Add("the canary table is gone");
            var tables = duck.Query("SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('main', 's', 'o')").Rows;
            problems.AddRange(tables.Select(t => $"a table outside the output schema: {t[0]}.{t[1]}"));
            if (c.Cell.Mode == EmitMode.Script && run.Succeeded)
            {
                var names = duck.Query("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'o'").Rows
                    .Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
                var values = names.Select(n => n.Item1).Distinct()
                    .SelectMany(t => duck.Query($"SELECT * FROM o.{SqlNames.Quote(t)}").Rows.SelectMany(r => r)).ToList();
                problems.AddRange(InjectionExecutionTests.Stored(c.Expected, c.Stored, names, values, c.Sources));
            }
            InjectionExecutionTests.Record(failures, c.Cell, c.Expected, c.Sql, problems);
        }
        InjectionExecutionTests.Report(output, failures, runs);
    }
}
