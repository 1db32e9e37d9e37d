using System.Collections.Immutable;
using Cwf.Emit;

namespace Cwf.Tests.Security;

/// <summary>One cell of the injection matrix: a place, a dialect and an emit mode.</summary>
internal sealed record InjectionCell(string Place, string Dialect, EmitMode Mode)
{
    public override string ToString() => $"{Place} / {Dialect} / {Mode.ToString().ToLowerInvariant()}";
}

/// <summary>
/// The cells of the injection matrix known to fail today, each with why: escapes the emitter
/// still writes wrongly (issue 12, phase 2 fixes them inside src/Cwf/Emit). The matrix test fails when a cell fails that is not listed here and
/// when a listed cell passes, so this list stays exact and must shrink to empty.
/// </summary>
internal static class PendingInjections
{
    private sealed record Entry(string Why, string[] Places, string[] Dialects, EmitMode[] Modes);

    private static readonly string[] AllDialects = [.. Dialects.All.Select(d => d.Name)];
    private static readonly EmitMode[] AllModes = Enum.GetValues<EmitMode>();

    // Places whose payload reaches SQL as a string value, and those whose value is a public parameter.
    private static readonly string[] Literals =
    [
        "cwf string literal", "cwf parameter default", "cwf --param override", "canvas string value", "canvas variable as @v",
        "canvas variable as {{@v}} in a value", "canvas variable in custom SQL", "canvas variable as {{@v}} in SQL",
    ];
    private static readonly string[] PublicParameters =
    [
        "cwf parameter default", "cwf --param override", "canvas variable as @v", "canvas variable as {{@v}} in a value",
        "canvas variable in custom SQL", "canvas variable as {{@v}} in SQL",
    ];

    private static readonly Entry[] Entries =
    [
        new("emit: the header comment '-- Workflow '<title>' compiled by ...' replaces only LF: a CR ends the comment and the rest of the " +
            "title runs as SQL, a NUL cuts psql's line, other control characters and U+2028/U+2029 stay in the comment",
            ["cwf title", "canvas title"], AllDialects, AllModes),
        new("emit: string literals write control characters raw (a NUL cuts psql's line and PostgreSQL text cannot hold one; " +
            "U+0001-U+001F but \n \r \t, DEL, C1 and U+2028/U+2029 have no escape form)",
            Literals, AllDialects, AllModes),
        new("emit: a string value with an unpaired surrogate is written raw, and no UTF-8 script can carry it (refuse it or escape it)",
            ["cwf string literal", "cwf parameter default", "cwf --param override", "cwf title"], AllDialects, AllModes),
        new("emit: a procedure without argument defaults writes the public arguments' literals in its '-- Run: CALL ...' comment, " +
            "where their control characters end the comment",
            PublicParameters, ["bigquery", "redshift"], [EmitMode.Procedure]),
        new("emit: CustomSql.Substitute finds $a, $b, $c with quote rules of its own (a literal ends at the next quote): after a " +
            "backslash-escaped quote (\\' in BigQuery, Snowflake, Databricks, E'...' in PostgreSQL and DuckDB) the rest of the literal " +
            "reads as code, and a -- there hides the $a that follows, which is left unreplaced",
            ["canvas custom SQL literal", "cwf sql step literal"], ["bigquery", "snowflake", "databricks", "postgres", "duckdb"], AllModes),
        new("emit: the same for a variable in custom SQL: BigQuery, Snowflake and Databricks literals escape a quote as \\', which hides the $a after it",
            ["canvas variable in custom SQL"], ["bigquery", "snowflake", "databricks"], AllModes),
    ];

    /// <summary>Every pending cell (procedure cells only for dialects that have procedures).</summary>
    public static readonly ImmutableDictionary<InjectionCell, string> Cells = Expand();

    private static ImmutableDictionary<InjectionCell, string> Expand()
    {
        var cells = ImmutableDictionary.CreateBuilder<InjectionCell, string>();
        var targets = InjectionCompiler.Targets().Select(t => (t.Dialect.Name, t.Mode)).ToHashSet();
        foreach (var entry in Entries)
            foreach (var place in entry.Places)
                foreach (var dialect in entry.Dialects)
                    foreach (var mode in entry.Modes.Where(m => targets.Contains((dialect, m))))
                    {
                        var cell = new InjectionCell(place, dialect, mode);
                        cells[cell] = cells.TryGetValue(cell, out var why) ? why + "; " + entry.Why : entry.Why;
                    }
        return cells.ToImmutable();
    }
}
