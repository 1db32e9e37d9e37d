using Cwf.Emit.Scripts;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// A SQL dialect: the common SQL writing, with each warehouse's differences as data
/// (<see cref="Capabilities"/>, <see cref="Functions"/>, type names, quoting) and small
/// overrides where data is not enough. One subclass per warehouse in Emit/Dialects, registered
/// in <see cref="Dialects"/>; spec/dialects.md walks through adding one.
/// </summary>
public abstract class Dialect
{
    /// <summary>The name used on the command line (<c>--dialect postgres</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The name shown in messages (<c>PostgreSQL/PostGIS</c>).</summary>
    public abstract string DisplayName { get; }

    /// <summary>Other names accepted by <see cref="Dialects.Find"/> (canvas connection providers, short forms).</summary>
    public virtual ImmutableArray<string> Aliases => [];

    public abstract DialectCapabilities Capabilities { get; }

    /// <summary>Where strings, quoted names and comments start and end: what splitting a script into statements needs.</summary>
    public abstract SqlLexicalRules LexicalRules { get; }

    public abstract IdentifierCase IdentifierCase { get; }

    /// <summary>Functions every dialect writes the same way; dialects start from it.</summary>
    protected static FunctionMap StandardFunctions { get; } = FunctionMap.Empty.With(
        (Ir.Functions.Upper, "UPPER({0})"),
        (Ir.Functions.Lower, "LOWER({0})"),
        (Ir.Functions.Length, "LENGTH({0})"),
        (Ir.Functions.Trim, "TRIM({0})"),
        (Ir.Functions.LTrim, "LTRIM({0})"),
        (Ir.Functions.RTrim, "RTRIM({0})"),
        (Ir.Functions.Substr, FunctionMapping.Sql("SUBSTR({0}, {1})", "SUBSTR({0}, {1}, {2})")),
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
        (Ir.Functions.Day, "EXTRACT(DAY FROM {0})"));

    /// <summary>Every IR function, as this dialect writes it.</summary>
    public abstract FunctionMap Functions { get; }

    public virtual AggregateMap Aggregates => AggregateMap.Standard;

    /// <summary>Groups geography values where they cannot be compared (a binary form): <c>ST_ASBINARY({0})</c>.</summary>
    public virtual SqlTemplate GeographyGroupingKey => "ST_ASBINARY({0})";

    /// <summary>Any value of a group: <c>ANY_VALUE({0})</c>.</summary>
    public virtual SqlTemplate AnyValue => "ANY_VALUE({0})";

    /// <summary>
    /// How a float64 becomes an int64 where <c>CAST(x AS integer type)</c> does not round half away
    /// from zero as the IR's cast does; null: that CAST.
    /// </summary>
    public virtual SqlTemplate? FloatToInteger => null;

    /// <summary>
    /// Where dividing by zero gives NULL instead of an error (DuckDB): <c>{0} / {1}</c> and
    /// <c>{0} % {1}</c> guarded so that a zero divisor raises, as in the IR and on the other
    /// warehouses. Null: the operators as they are.
    /// </summary>
    public virtual (SqlTemplate Divide, SqlTemplate Modulo)? CheckedDivision => null;

    /// <summary>
    /// A string operand of an ordering comparison, sort key or MIN/MAX, made to order by code point
    /// (<see cref="DialectCapabilities.BinaryCollation"/>); unchanged where strings always do.
    /// </summary>
    public SqlFragment BinaryOrdered(SqlFragment value) =>
        Capabilities.BinaryCollation is { } collation ? new SqlFragment($"{value.Wrap(Precedence.Atom)} COLLATE {collation}", Precedence.Unary) : value;

    // ---- identifiers -------------------------------------------------------------------------

    protected virtual char QuoteOpen => '"';
    protected virtual char QuoteClose => '"';

    /// <summary>
    /// An identifier as the warehouse must read it to find the column or table the user named:
    /// bare when it is a plain word that means the same unquoted, quoted otherwise.
    /// </summary>
    public virtual string Identifier(string name)
    {
        bool plain = IsPlainWord(name) && !ReservedWords.IsReserved(name);
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
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    // ---- types -------------------------------------------------------------------------------

    /// <summary>The column type for an IR type; null for Unknown (no cast is written).</summary>
    public abstract string? TypeName(SqlType type);

    // ---- literals ----------------------------------------------------------------------------

    /// <summary>A typed literal: the value (as in <see cref="Ir.Literal"/>) written so that the warehouse reads it as <paramref name="type"/>.</summary>
    public virtual SqlFragment Literal(object? value, SqlType type) => value switch
    {
        null => TypeName(type) is { } t ? SqlFragment.Atom($"CAST(NULL AS {t})") : SqlFragment.Atom("NULL"),
        bool b => SqlFragment.Atom(b ? "TRUE" : "FALSE"),
        long l => new SqlFragment(l.ToString(CultureInfo.InvariantCulture), l < 0 ? Precedence.Unary : Precedence.Atom),
        double d => FloatLiteral(d),
        decimal m => DecimalLiteral(m),
        string s => StringLiteral(s),
        DateOnly d => SqlFragment.Atom($"DATE '{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'"),
        DateTime t => SqlFragment.Atom($"TIMESTAMP '{TimestampText(t)}'"),
        _ => throw new InvalidOperationException($"Unexpected literal value of type {value.GetType().Name}."),
    };

    protected static string TimestampText(DateTime t) =>
        t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    /// <summary>Text for a finite double that every warehouse reads back exactly (1.0, not 1).</summary>
    protected static string DoubleText(double d) => ExprPrinter.FormatDouble(d);

    /// <summary>Default: a cast, because a bare <c>1.5</c> is an exact decimal on most warehouses.</summary>
    protected virtual SqlFragment FloatLiteral(double d)
    {
        string type = TypeName(SqlType.Float64)!;
        if (double.IsNaN(d)) return SqlFragment.Atom($"CAST('NaN' AS {type})");
        if (double.IsInfinity(d)) return SqlFragment.Atom($"CAST('{(d > 0 ? "Infinity" : "-Infinity")}' AS {type})");
        return SqlFragment.Atom($"CAST({DoubleText(d)} AS {type})");
    }

    protected virtual SqlFragment DecimalLiteral(decimal m) =>
        SqlFragment.Atom($"CAST({m.ToString(CultureInfo.InvariantCulture)} AS {TypeName(SqlType.Decimal)})");

    /// <summary>Whether a backslash in a string literal starts an escape (BigQuery, Snowflake, Redshift, Databricks).</summary>
    protected virtual bool BackslashEscapesInStrings => false;

    /// <summary>How a single quote is written inside a string literal.</summary>
    protected virtual string QuoteEscape => BackslashEscapesInStrings ? "\\'" : "''";

    /// <summary>
    /// A string literal. Standard SQL doubles quotes and writes control characters through an
    /// <c>E'...'</c> escape string; backslash dialects escape quotes, backslashes and control
    /// characters with backslashes. Never a raw line break (it would be indented with the script).
    /// </summary>
    protected virtual SqlFragment StringLiteral(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        bool escaped = false;
        foreach (char c in s)
        {
            switch (c)
            {
                case '\'':
                    sb.Append(QuoteEscape);
                    break;
                case '\\':
                    sb.Append(BackslashEscapesInStrings || escaped ? "\\\\" : "\\");
                    break;
                case '\n' or '\r' or '\t':
                    if (!BackslashEscapesInStrings && !escaped)
                    {
                        // Switch to an escape string: backslashes written so far must be doubled.
                        escaped = true;
                        sb.Replace("\\", "\\\\");
                    }
                    sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", _ => "\\t" });
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return SqlFragment.Atom((escaped ? "E'" : "'") + sb + "'");
    }

    // ---- clauses -----------------------------------------------------------------------------

    public virtual string Limit(SqlFragment count) => "LIMIT " + count.Text;

    // ---- statements --------------------------------------------------------------------------

    /// <summary>Replace mode: the table recreated from the query.</summary>
    public virtual IEnumerable<SqlBlock> CreateTableAs(string table, SqlBlock query)
    {
        if (Capabilities.CreateOrReplaceTable)
        {
            yield return new SqlBlock().Line($"CREATE OR REPLACE TABLE {table} AS").Append(query);
            yield break;
        }
        yield return new SqlBlock().Line($"DROP TABLE IF EXISTS {table}");
        yield return new SqlBlock().Line($"CREATE TABLE {table} AS").Append(query);
    }

    /// <summary>Append mode: statements that create the table, empty, when it does not exist yet (none by default: appending needs the table).</summary>
    public virtual IEnumerable<SqlBlock> CreateTableForAppend(string table, Schema schema, SqlBlock query) => [];

    /// <summary>Append mode: the query's rows inserted into the listed columns (all columns, in order, when none are known).</summary>
    public virtual SqlBlock InsertInto(string table, IReadOnlyList<string> columns, SqlBlock query) =>
        new SqlBlock().Line(columns.Count == 0 ? $"INSERT INTO {table}" : $"INSERT INTO {table} ({string.Join(", ", columns)})").Append(query);

    public virtual SqlBlock CreateSchema(string schema) => new SqlBlock().Line($"CREATE SCHEMA IF NOT EXISTS {schema}");

    /// <summary>Schemas that always exist and need no CREATE SCHEMA (compared ignoring case).</summary>
    public virtual ImmutableArray<string> DefaultSchemas => [];

    public virtual SqlBlock CreateTemporaryTable(string name, SqlBlock query) =>
        new SqlBlock().Line($"CREATE TEMPORARY TABLE {name} AS").Append(query);

    public virtual SqlBlock DropTemporaryTable(string name) => new SqlBlock().Line($"DROP TABLE IF EXISTS {name}");

    /// <summary>A view over the query; temporary where <see cref="DialectCapabilities.TemporaryViews"/>.</summary>
    public virtual SqlBlock CreateView(string name, SqlBlock query) =>
        new SqlBlock().Line(Capabilities.TemporaryViews ? $"CREATE TEMPORARY VIEW {name} AS" : $"CREATE VIEW {name} AS").Append(query);

    public virtual SqlBlock DropView(string name) => new SqlBlock().Line($"DROP VIEW IF EXISTS {name}");

    /// <summary>
    /// Statements that follow the creation of a temporary table (indexes, statistics) so that
    /// later joins on it are fast. The spatial join planner builds on this.
    /// </summary>
    public virtual IEnumerable<SqlBlock> AfterMaterialize(string name, Schema schema) => [];

    /// <summary>How planned spatial joins are indexed; null where the plan is ignored (the warehouse indexes spatial joins itself).</summary>
    public virtual SpatialIndexing? SpatialIndexing => null;

    /// <summary>
    /// A column of an output statement as it must be stored: PostgreSQL pins geography
    /// columns to <c>geometry(Geometry,4326)</c>. The default stores the value as it is.
    /// </summary>
    public virtual SqlFragment OutputColumn(SqlFragment value, Column column) => value;

    /// <summary>Whether <see cref="OutputColumn"/> changes any column of <paramref name="schema"/>.</summary>
    public bool AdaptsOutput(Schema schema) =>
        schema.Columns.Any(c => OutputColumn(SqlFragment.Atom("x"), c).Text != "x");

    // ---- procedures --------------------------------------------------------------------------

    /// <summary>The name of the procedure argument for a workflow parameter (prefixed: plain names would clash with columns).</summary>
    public virtual string ProcedureArgumentName(string parameter) => "p_" + RelationNamer.Sanitize(parameter);

    /// <summary>How the procedure body reads an argument.</summary>
    public virtual SqlFragment ProcedureArgumentReference(string argument) => SqlFragment.Atom(argument);

    /// <summary>A stored procedure whose body runs <paramref name="statements"/> (each already ending in a semicolon).</summary>
    public virtual SqlBlock Procedure(string name, IReadOnlyList<ProcedureArgument> arguments, SqlBlock statements) =>
        throw new NotSupportedException($"{DisplayName} has no stored procedures.");

    /// <summary>Why the procedure body cannot be quoted as this dialect quotes it (a <c>$$</c> inside a <c>$$</c> body), or null.</summary>
    public virtual string? ProcedureBodyProblem(string body) => null;

    /// <summary>A comment line showing how to call the procedure with the default values.</summary>
    public virtual string ProcedureCall(string name, IReadOnlyList<ProcedureArgument> arguments) =>
        $"CALL {name}({string.Join(", ", arguments.Select(a => a.DefaultValue))})";

    /// <summary>The argument list of a procedure header: <c>name type [DEFAULT value]</c>, each on its own line.</summary>
    protected SqlBlock ArgumentList(string head, IReadOnlyList<ProcedureArgument> arguments, string prefix = "")
    {
        var block = new SqlBlock();
        if (arguments.Count == 0) return block.Line(head + "()");
        block.Line(head + "(");
        for (int i = 0; i < arguments.Count; i++)
        {
            var a = arguments[i];
            var text = $"{prefix}{a.Name} {a.TypeName}" + (Capabilities.ProcedureArgumentDefaults ? $" DEFAULT {a.DefaultValue}" : "");
            block.Line(text + (i < arguments.Count - 1 ? "," : ""), 2);
        }
        return block.Line(")");
    }

    public override string ToString() => Name;

    // ---- shared translation helpers ------------------------------------------------------------

    /// <summary>
    /// The radius of a buffer where the warehouse uses its default 8 segments per quarter circle
    /// and takes no count (BigQuery's is a named argument the BigQuery parsers reject): scaled by
    /// sqrt(2π / (32 sin(2π/32))) = 1.003222 so that the 32-gon has the area of the disc. Vertices
    /// are then 0.32% beyond the radius and edge midpoints 0.16% within it, inside the 0.5% the
    /// contract allows, where the plain radius loses 0.64% of the area.
    /// </summary>
    protected const string EqualAreaBufferRadius = "{1} * 1.003222";

    /// <summary>
    /// The SRID of the UTM zone holding a lon/lat point (EPSG 326zz north, 327zz south), for
    /// buffering in meters where only planar buffers exist.
    /// </summary>
    protected static string UtmZoneSrid(string longitude, string latitude, string floor = "FLOOR", string integerType = "INTEGER") =>
        $"32600 + CASE WHEN {latitude} < 0 THEN 100 ELSE 0 END + LEAST(60, CAST({floor}(({longitude} + 180) / 6) AS {integerType}) + 1)";
}
