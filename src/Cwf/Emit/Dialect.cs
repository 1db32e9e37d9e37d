using Cwf.Emit.Scripts;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using Cwf.Ir;
using Cwf.Optimization;

namespace Cwf.Emit;

/// <summary>
/// A SQL dialect. The shared writers (ExpressionWriter, QueryWriter, the script assembly) write
/// the SQL every warehouse reads the same way and ask the dialect only where warehouses differ:
/// its facts (<see cref="Capabilities"/>), its tables of names (<see cref="Functions"/>,
/// <see cref="Aggregates"/>, <see cref="TypeName"/>), and overrides keyed by IR construct
/// (Dialect.Expressions.cs, Dialect.Statements.cs, Dialect.Procedures.cs), as SQLGlot's dialect
/// transforms are. One sealed subclass per warehouse in Emit/Dialects; <see cref="Dialects"/>
/// finds them all, so a dialect is its file. spec/dialects.md section 9 walks through adding one.
/// </summary>
public abstract partial class Dialect
{
    /// <summary>The name used on the command line (<c>--dialect postgres</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The name shown in messages (<c>PostgreSQL/PostGIS</c>).</summary>
    public abstract string DisplayName { get; }

    /// <summary>Other names accepted by <see cref="Dialects.Find"/> (canvas connection providers, short forms).</summary>
    public virtual ImmutableArray<string> Aliases => [];

    /// <summary>What the warehouse has, as facts the planner and the script assembly read.</summary>
    public abstract DialectCapabilities Capabilities { get; }

    /// <summary>Where strings, quoted names and comments start and end: what splitting a script into statements needs.</summary>
    public abstract SqlLexicalRules LexicalRules { get; }

    public abstract IdentifierCase IdentifierCase { get; }

    /// <summary>
    /// The facts the optimizer and the planner decide with, taken from <see cref="Capabilities"/>
    /// and <see cref="SpatialIndexing"/>: the planner's plan is then one the emitter can carry out
    /// as it stands.
    /// </summary>
    public OptimizerTarget OptimizerTarget => _optimizerTarget ??= new OptimizerTarget
    {
        Name = Name,
        HasNativeDWithin = Capabilities.MetricDWithin,
        PrefersDWithinOverBuffer = Capabilities.DWithinFasterThanBuffer,
        MaterializesSharedCtes = Capabilities.SharedCtesEvaluatedOnce,
        SupportsTempTables = Capabilities.TemporaryTables,
        SupportsViews = Capabilities.Views || Capabilities.TemporaryViews,
        NeedsExplicitSpatialIndex = Capabilities.SpatialJoinsNeedIndex,
        SupportsSpatialIndex = SpatialIndexing is not null && Capabilities.TemporaryTables,
        SupportsSubdivide = SpatialIndexing is not null,
    };

    private OptimizerTarget? _optimizerTarget;

    // ---- functions and types -------------------------------------------------------------------

    /// <summary>
    /// Functions written the same way in most dialects; dialects start from it. <c>substr</c> clamps
    /// a start below 1 first: SUBSTR counts a negative start from the end on most warehouses.
    /// </summary>
    protected static FunctionMap StandardFunctions { get; } = FunctionMap.Empty.With(
        (Ir.Functions.Upper, "UPPER({0})"),
        (Ir.Functions.Lower, "LOWER({0})"),
        (Ir.Functions.Length, "LENGTH({0})"),
        (Ir.Functions.Trim, "TRIM({0})"),
        (Ir.Functions.LTrim, "LTRIM({0})"),
        (Ir.Functions.RTrim, "RTRIM({0})"),
        (Ir.Functions.Substr, FunctionMapping.Sql("SUBSTR({0}, {1})", "SUBSTR({0}, {1}, {2})").WithArguments(SubstrStart.ClampedAtOne)),
        (Ir.Functions.Replace, "REPLACE({0}, {1}, {2})"),
        (Ir.Functions.Concat, FunctionMapping.Operator(" || ", Precedence.Concat)),
        (Ir.Functions.StartsWith, "STARTS_WITH({0}, {1})"),
        (Ir.Functions.EndsWith, "ENDS_WITH({0}, {1})"),
        (Ir.Functions.StrPos, "STRPOS({0}, {1})"),
        (Ir.Functions.Abs, "ABS({0})"),
        (Ir.Functions.Round, FunctionMapping.Sql("ROUND({0})", "ROUND({0}, {1})")),
        (Ir.Functions.Floor, "FLOOR({0})"),
        (Ir.Functions.Ceil, "CEIL({0})"),
        (Ir.Functions.Sqrt, "SQRT({0})"),
        (Ir.Functions.Power, "POWER({0}, {1})"),
        (Ir.Functions.Ln, "LN({0})"),
        (Ir.Functions.Log10, "LOG10({0})"),
        (Ir.Functions.Exp, "EXP({0})"),
        (Ir.Functions.Coalesce, FunctionMapping.VariadicCall("COALESCE")),
        (Ir.Functions.NullIf, "NULLIF({0}, {1})"),
        (Ir.Functions.Year, "EXTRACT(YEAR FROM {0})"),
        (Ir.Functions.Month, "EXTRACT(MONTH FROM {0})"),
        (Ir.Functions.Day, "EXTRACT(DAY FROM {0})"),
        (Ir.Functions.Quarter, "EXTRACT(QUARTER FROM {0})"),
        (Ir.Functions.Week, "EXTRACT(WEEK FROM {0})"),
        (Ir.Functions.DayOfWeek, "EXTRACT(ISODOW FROM {0})"),
        (Ir.Functions.DayOfYear, "EXTRACT(DOY FROM {0})"),
        (Ir.Functions.Hour, "EXTRACT(HOUR FROM {0})"),
        (Ir.Functions.Minute, "EXTRACT(MINUTE FROM {0})"),
        // PostgreSQL, Redshift and Databricks give the fraction too.
        (Ir.Functions.Second, "FLOOR(EXTRACT(SECOND FROM {0}))"),
        (Ir.Functions.TruncYear, "DATE_TRUNC('year', {0})"),
        (Ir.Functions.TruncQuarter, "DATE_TRUNC('quarter', {0})"),
        (Ir.Functions.TruncMonth, "DATE_TRUNC('month', {0})"),
        (Ir.Functions.TruncWeek, "DATE_TRUNC('week', {0})"),
        (Ir.Functions.TruncDay, "DATE_TRUNC('day', {0})"),
        (Ir.Functions.TruncHour, "DATE_TRUNC('hour', {0})"),
        (Ir.Functions.TruncMinute, "DATE_TRUNC('minute', {0})"));

    /// <summary>The truncations that may return a timestamp for a date (DATE_TRUNC casts a date to a timestamp first), for dialects to cast back.</summary>
    protected static readonly BuiltinFunction[] DateTruncations =
        [Ir.Functions.TruncYear, Ir.Functions.TruncQuarter, Ir.Functions.TruncMonth, Ir.Functions.TruncWeek];

    /// <summary><see cref="DateTruncations"/> and the date fields, for dialects whose EXTRACT returns another number type than int64.</summary>
    protected static readonly BuiltinFunction[] DateFieldsAndTruncations =
    [
        Ir.Functions.Year, Ir.Functions.Month, Ir.Functions.Day, Ir.Functions.Quarter, Ir.Functions.Week, Ir.Functions.DayOfWeek,
        Ir.Functions.DayOfYear, Ir.Functions.Hour, Ir.Functions.Minute, Ir.Functions.Second, .. DateTruncations,
    ];

    /// <summary>
    /// <see cref="StandardFunctions"/> with the OGC functions that keep their standard names on most
    /// warehouses (ST_X, ST_Y, ST_AsText, ST_Centroid and the predicates), each name as
    /// <paramref name="spelled"/> writes it (the warehouses differ only in letter case).
    /// </summary>
    protected static FunctionMap StandardFunctionsWithOgc(Func<string, string> spelled) => StandardFunctions.With(
        (Ir.Functions.X, spelled("ST_X") + "({0})"),
        (Ir.Functions.Y, spelled("ST_Y") + "({0})"),
        (Ir.Functions.AsText, spelled("ST_AsText") + "({0})"),
        (Ir.Functions.Centroid, spelled("ST_Centroid") + "({0})"),
        (Ir.Functions.Intersects, spelled("ST_Intersects") + "({0}, {1})"),
        (Ir.Functions.Contains, spelled("ST_Contains") + "({0}, {1})"),
        (Ir.Functions.Within, spelled("ST_Within") + "({0}, {1})"),
        (Ir.Functions.Covers, spelled("ST_Covers") + "({0}, {1})"),
        (Ir.Functions.Touches, spelled("ST_Touches") + "({0}, {1})"));

    /// <summary>Every IR function, as this dialect writes it (or why it cannot).</summary>
    public abstract FunctionMap Functions { get; }

    public virtual AggregateMap Aggregates => AggregateMap.Standard;

    /// <summary>The column type for an IR type; null for Unknown (no cast is written).</summary>
    public abstract string? TypeName(SqlType type);

    // ---- identifiers -------------------------------------------------------------------------

    protected virtual char QuoteOpen => '"';
    protected virtual char QuoteClose => '"';

    /// <summary>
    /// Words this warehouse reserves beyond the shared list (<see cref="ReservedWords"/>, the union
    /// of the other dialects' lists): quoted as identifiers and never given to a generated relation.
    /// </summary>
    protected virtual FrozenSet<string> OwnReservedWords => FrozenSet<string>.Empty;

    /// <summary>Whether <paramref name="word"/> must be quoted to be an identifier here.</summary>
    public bool IsReserved(string word) => ReservedWords.IsReserved(word) || OwnReservedWords.Contains(word);

    /// <summary>
    /// An identifier as the warehouse must read it to find the column or table the user named:
    /// bare when it is a plain word that means the same unquoted, quoted otherwise.
    /// </summary>
    public virtual string Identifier(string name)
    {
        bool plain = IsPlainWord(name) && !IsReserved(name);
        return IdentifierCase switch
        {
            IdentifierCase.Lower when plain && name == name.ToLowerInvariant() => name,
            IdentifierCase.Insensitive or IdentifierCase.Upper when plain => name,
            _ => Quote(name),
        };
    }

    /// <summary>A table name, each part as an identifier.</summary>
    public virtual string TableName(TableName name) => string.Join(".", name.Parts.Select(Identifier));

    /// <summary>
    /// The name the compiled script uses for a table: its last <see cref="DialectCapabilities.MaxTableNameParts"/>
    /// parts (PostgreSQL cannot name another database, so <c>db.schema.table</c> is <c>schema.table</c>).
    /// </summary>
    public TableName KeptParts(TableName name)
    {
        int max = Capabilities.MaxTableNameParts;
        return name.Parts.Count <= max ? name : new TableName(name.Parts.Items.RemoveRange(0, name.Parts.Count - max));
    }

    /// <summary>The name quoted, the closing quote doubled inside.</summary>
    protected virtual string Quote(string name) =>
        QuoteOpen + name.Replace(QuoteClose.ToString(), new string(QuoteClose, 2)) + QuoteClose;

    /// <summary>Letters, digits and underscores, not starting with a digit.</summary>
    public static bool IsPlainWord(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && !name.AsSpan().ContainsAnyExcept(PlainWordCharacters);

    private static readonly System.Buffers.SearchValues<char> PlainWordCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    // ---- comments ------------------------------------------------------------------------------

    /// <summary>
    /// A comment line of the script (<c>-- text</c>): the one way text reaches SQL as a comment (the
    /// header, the per-output labels of a query, a procedure's <c>Run:</c> line). Every character a
    /// lexer or client could end the line at, or cannot read, is written visibly as <c>\uXXXX</c>:
    /// control characters (a CR ends the comment for PostgreSQL, a NUL ends psql's line), U+2028,
    /// U+2029, unpaired surrogates (UTF-8 cannot carry them) and the noncharacters U+FFFE, U+FFFF.
    /// </summary>
    public string Comment(string text)
    {
        var sb = new StringBuilder("-- ", text.Length + 3);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) sb.Append(c).Append(text[++i]);
            else if (IsLineBreaking(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF') sb.Append(UnicodeEscape(c));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    public override string ToString() => Name;
}
