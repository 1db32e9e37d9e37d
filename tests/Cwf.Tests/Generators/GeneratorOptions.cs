using System.Collections.Immutable;
using Cwf.Ir;

namespace Cwf.Tests.Generators;

/// <summary>The relational operators the workflow generator may use.</summary>
[Flags]
public enum GeneratedOperators
{
    None = 0,
    Filter = 1 << 0,
    Project = 1 << 1,
    Aggregate = 1 << 2,
    Join = 1 << 3,
    SemiJoin = 1 << 4,
    UnionAll = 1 << 5,
    Sort = 1 << 6,
    Limit = 1 << 7,
    Distinct = 1 << 8,
    Nearest = 1 << 9,
    Window = 1 << 10,
    /// <summary>native.sample and native.normalize, through their components' lowering.</summary>
    Sample = 1 << 11,
    Normalize = 1 << 12,
    /// <summary>cross_join, union by name and take n per, through their components' lowering.</summary>
    CrossJoin = 1 << 13,
    UnionByName = 1 << 14,
    TakePer = 1 << 15,
    /// <summary>Data checks (unique, not_null, rows between, expression) on results the workflow computes.</summary>
    Check = 1 << 16,
    /// <summary>One row per part of a geography (the explode node), and constant rows (the values node).</summary>
    Explode = 1 << 17,
    Values = 1 << 18,
    All = Filter | Project | Aggregate | Join | SemiJoin | UnionAll | Sort | Limit | Distinct | Nearest | Window | Sample | Normalize
        | CrossJoin | UnionByName | TakePer | Check | Explode | Values,
}

/// <summary>
/// What the generators may produce. Presets describe engines: <see cref="Everything"/> for the
/// interpreter alone, <see cref="PostgreSql"/> (PostGIS, no H3 extension here),
/// <see cref="NonSpatial"/> (for example DuckDB without its spatial extension). Narrow further
/// with <c>with</c>: <c>GeneratorOptions.PostgreSql with { MaxSteps = 3 }</c>.
/// </summary>
public sealed record GeneratorOptions
{
    /// <summary>Every operator, type and function, extreme data, and expressions that may fail at run time.</summary>
    public static GeneratorOptions Everything { get; } = new() { AllowRuntimeErrors = true, ExtremeValues = true };

    /// <summary>Workflows that run without errors and mean the same on PostgreSQL + PostGIS (no H3: h3-pg is not packaged here).</summary>
    public static GeneratorOptions PostgreSql { get; } = new() { H3 = false };

    /// <summary>No geography type, spatial or H3 function.</summary>
    public static GeneratorOptions NonSpatial { get; } = new() { Spatial = false, H3 = false };

    /// <summary>Longest chain of operators after the scans.</summary>
    public int MaxSteps { get; init; } = 6;

    /// <summary>Rows per source table (a table may also be empty).</summary>
    public int MaxRows { get; init; } = 10;

    public int MaxSourceTables { get; init; } = 2;

    public int MaxColumns { get; init; } = 5;

    /// <summary>Nesting depth of generated expressions.</summary>
    public int MaxExpressionDepth { get; init; } = 3;

    public GeneratedOperators Operators { get; init; } = GeneratedOperators.All;

    /// <summary>Column types of source tables (geography only when <see cref="Spatial"/>).</summary>
    public ImmutableHashSet<SqlType> Types { get; init; } =
        [SqlType.Int64, SqlType.Float64, SqlType.Decimal, SqlType.String, SqlType.Bool, SqlType.Date, SqlType.Timestamp, SqlType.Geography];

    /// <summary>Geography columns and spatial functions.</summary>
    public bool Spatial { get; init; } = true;

    /// <summary>The spatial index functions, H3 and Quadbin (needs <see cref="Spatial"/>; PostGIS here has neither h3-pg nor the CARTO toolbox).</summary>
    public bool H3 { get; init; } = true;

    /// <summary>Functions that may not be used (for an engine that lacks them).</summary>
    public ImmutableHashSet<BuiltinFunction> ExcludedFunctions { get; init; } = [];

    /// <summary>
    /// False (the default): every generated workflow runs without run-time errors on valid data
    /// — divisions are guarded with nullif, logarithms and roots get non-negative arguments,
    /// integer products stay small, casts only go where they always succeed. True: anything
    /// well-typed, including division by zero and overflow.
    /// </summary>
    public bool AllowRuntimeErrors { get; init; }

    /// <summary>
    /// Data at the limits engines accept (int64 min/max, ±1e300, 28-digit decimals, year 1 and
    /// 9999). Off by default, because arithmetic on such values overflows; moderate values
    /// (|x| ≤ 1e6) are generated instead.
    /// </summary>
    public bool ExtremeValues { get; init; }

    /// <summary>NaN and ±infinity in float64 data (not every warehouse stores them).</summary>
    public bool NonFiniteFloats { get; init; }

    /// <summary>Non-ASCII strings (accents, emoji, CJK, combining marks) in data and literals.</summary>
    public bool UnicodeStrings { get; init; } = true;

    /// <summary>
    /// False (the default): results do not depend on row order — LIMIT only follows a sort on
    /// every column, so the kept rows are determined. True: any LIMIT (the interpreter is
    /// deterministic, warehouses are not).
    /// </summary>
    public bool OrderDependentResults { get; init; }

    public bool Allows(BuiltinFunction f) =>
        !ExcludedFunctions.Contains(f) &&
        (Spatial || f.Category is not (FunctionCategory.Spatial or FunctionCategory.H3 or FunctionCategory.Quadbin)) &&
        (H3 || f.Category is not (FunctionCategory.H3 or FunctionCategory.Quadbin));

    public bool Allows(SqlType t) => Types.Contains(t) && (Spatial || t != SqlType.Geography);
}
