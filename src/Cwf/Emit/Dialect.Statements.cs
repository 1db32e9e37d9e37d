using System.Collections.Immutable;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// The statement forms of a script: how an output is replaced or appended to, how schemas and
/// temporary relations are created, and how stored columns are read and written. Each default is
/// the standard form; a dialect overrides the forms its warehouse spells otherwise.
/// </summary>
public abstract partial class Dialect
{
    /// <summary>
    /// Whether the warehouse has <c>CREATE OR REPLACE TABLE</c>, which swaps the table atomically:
    /// readers see the old table or the new one. Replace mode is then that one statement, for the
    /// default and the swap strategy alike.
    /// </summary>
    protected virtual bool CreatesOrReplacesTables => false;

    /// <summary>
    /// Replace mode: the table recreated from the query (<c>DROP TABLE IF EXISTS</c> + <c>CREATE TABLE AS</c>,
    /// or <c>CREATE OR REPLACE TABLE</c> where <see cref="CreatesOrReplacesTables"/>).
    /// </summary>
    public virtual IEnumerable<SqlBlock> CreateTableAs(string table, SqlBlock query) =>
        CreatesOrReplacesTables
            ? [new SqlBlock().Line($"CREATE OR REPLACE TABLE {table} AS").Append(query)]
            :
            [
                new SqlBlock().Line($"DROP TABLE IF EXISTS {table}"),
                new SqlBlock().Line($"CREATE TABLE {table} AS").Append(query),
            ];

    /// <summary>
    /// Replace mode with <c>--replace-strategy cascade</c>: the table dropped with the views that
    /// depend on it, then created from the query; null where the warehouse has no such drop
    /// (<c>CWF6050</c>).
    /// </summary>
    public virtual IEnumerable<SqlBlock>? CreateTableAsDroppingDependents(string table, SqlBlock query) => null;

    /// <summary>For <see cref="CreateTableAsDroppingDependents"/> where the warehouse has <c>DROP TABLE ... CASCADE</c>.</summary>
    protected static IEnumerable<SqlBlock> DropCascadeAndCreateTableAs(string table, SqlBlock query) =>
    [
        new SqlBlock().Line($"DROP TABLE IF EXISTS {table} CASCADE"),
        new SqlBlock().Line($"CREATE TABLE {table} AS").Append(query),
    ];

    /// <summary>
    /// Replace mode with <c>--replace-strategy swap</c>: the new table built beside the old one
    /// (<c>cwf_new_&lt;table&gt;</c> in the same schema), then the old one dropped and the new one
    /// renamed into its place, so the table is missing, or locked, only between those two
    /// statements. Where <see cref="CreatesOrReplacesTables"/> the one atomic statement replaces it instead.
    /// </summary>
    public virtual IEnumerable<SqlBlock> SwapTableAs(TableName table, SqlBlock query)
    {
        if (CreatesOrReplacesTables) return CreateTableAs(TableName(table), query);
        var aside = TableName(new TableName(table.Parts.Items.SetItem(table.Parts.Count - 1, RelationNamer.ForTable("cwf_new_", table.Table))));
        return
        [
            new SqlBlock().Line($"DROP TABLE IF EXISTS {aside}"),
            new SqlBlock().Line($"CREATE TABLE {aside} AS").Append(query),
            new SqlBlock().Line($"DROP TABLE IF EXISTS {TableName(table)}"),
            new SqlBlock().Line($"ALTER TABLE {aside} RENAME TO {RenamedTo(table)}"),
        ];
    }

    /// <summary>The new name in <c>ALTER TABLE ... RENAME TO</c>: the table's own name, which keeps the table in its schema.</summary>
    protected virtual string RenamedTo(TableName table) => Identifier(table.Table);

    /// <summary>
    /// Append mode: the statements that create the table, empty, when it does not exist yet, so
    /// that the first run of a script creates what later runs fill (an existing table is left as
    /// it is). The columns get the output's types as they are stored (<see cref="StoredTypeName"/>);
    /// when the output's schema is unknown (custom SQL without a declared schema) the query gives
    /// them, over zero rows. <c>LIMIT 0</c> over the query (rather than <c>WITH NO DATA</c>) is
    /// read alike by every warehouse and by the common SQL parsers.
    /// </summary>
    public virtual IEnumerable<SqlBlock> CreateTableForAppend(string table, Schema schema, SqlBlock query) =>
        [HasStoredTypes(schema)
            ? CreateTableIfNotExists(table, schema)
            : new SqlBlock().Line($"CREATE TABLE IF NOT EXISTS {table} AS").Append(ZeroRows(query))];

    /// <summary>Whether every column of <paramref name="schema"/> is known, with a type the warehouse can store.</summary>
    protected bool HasStoredTypes(Schema schema) =>
        !schema.IsOpen && schema.Count > 0 && schema.Columns.All(c => StoredTypeName(c.Type) is not null);

    /// <summary><c>CREATE TABLE IF NOT EXISTS t (column type, ...)</c> with the stored types of <paramref name="schema"/>.</summary>
    protected SqlBlock CreateTableIfNotExists(string table, Schema schema)
    {
        var create = new SqlBlock().Line($"CREATE TABLE IF NOT EXISTS {table} (");
        for (int i = 0; i < schema.Count; i++)
            create.Line($"{Identifier(schema[i].Name)} {StoredTypeName(schema[i].Type)}{(i < schema.Count - 1 ? "," : "")}", 2);
        return create.Line(")");
    }

    /// <summary>The query's columns without its rows: <c>SELECT * FROM (query) AS output LIMIT 0</c>.</summary>
    protected static SqlBlock ZeroRows(SqlBlock query) =>
        new SqlBlock().Line("SELECT * FROM (").Append(query, 2).Line(") AS output").Line("LIMIT 0");

    /// <summary>
    /// The column type a value of <paramref name="type"/> is stored as in a table the script
    /// creates: the query's type (<see cref="TypeName"/>) unless <see cref="OutputColumn"/>
    /// encodes it (Trino stores geography as WKB).
    /// </summary>
    public virtual string? StoredTypeName(SqlType type) => TypeName(type);

    /// <summary>Append mode: the query's rows inserted into the listed columns (all columns, in order, when none are known).</summary>
    public virtual SqlBlock InsertInto(string table, IReadOnlyList<string> columns, SqlBlock query) =>
        new SqlBlock().Line(columns.Count == 0 ? $"INSERT INTO {table}" : $"INSERT INTO {table} ({string.Join(", ", columns)})").Append(query);

    /// <summary>
    /// A statement that stops the script unless it runs in <paramref name="database"/>, the
    /// database part the dialect cut off a table name (<see cref="KeptParts"/>); null where the
    /// warehouse keeps database parts or nothing can check it.
    /// </summary>
    /// <param name="inProcedure">The statement goes into a procedure body (procedural code) rather than a script.</param>
    public virtual SqlBlock? DatabaseCheck(string database, bool inProcedure) => null;

    /// <summary>
    /// A statement, first in the transaction and before any DDL, that makes another run writing the
    /// same tables wait until this one commits (their catalog changes would otherwise collide);
    /// null where the warehouse has no such lock.
    /// </summary>
    /// <param name="key">A stable key computed from the names of the tables the script writes.</param>
    /// <param name="inProcedure">The statement goes into a procedure body (procedural code) rather than a script.</param>
    public virtual SqlBlock? OutputLock(long key, bool inProcedure) => null;

    /// <summary>
    /// The statement that creates an output's schema when it is missing, or null where the script
    /// creates none (the warehouses' schemas are managed objects with locations and grants).
    /// </summary>
    public virtual SqlBlock? CreateSchema(string schema) => null;

    /// <summary>For <see cref="CreateSchema"/> where the script creates missing schemas (PostgreSQL, DuckDB).</summary>
    protected static SqlBlock CreateSchemaIfNotExists(string schema) => new SqlBlock().Line($"CREATE SCHEMA IF NOT EXISTS {schema}");

    /// <summary>Schemas that always exist and need no CREATE SCHEMA (compared ignoring case).</summary>
    public virtual ImmutableArray<string> DefaultSchemas => [];

    public virtual SqlBlock CreateTemporaryTable(string name, SqlBlock query) =>
        new SqlBlock().Line($"CREATE TEMPORARY TABLE {name} AS").Append(query);

    public virtual SqlBlock DropTemporaryTable(string name) => DropTable(name);

    /// <summary>Drops an ordinary table the script made (the one a called procedure creates), if it exists.</summary>
    public SqlBlock DropTable(string name) => new SqlBlock().Line($"DROP TABLE IF EXISTS {name}");

    /// <summary>A view over the query; temporary where <see cref="DialectCapabilities.TemporaryViews"/>.</summary>
    public virtual SqlBlock CreateView(string name, SqlBlock query) =>
        new SqlBlock().Line(Capabilities.TemporaryViews ? $"CREATE TEMPORARY VIEW {name} AS" : $"CREATE VIEW {name} AS").Append(query);

    public virtual SqlBlock DropView(string name) => new SqlBlock().Line($"DROP VIEW IF EXISTS {name}");

    /// <summary>
    /// Statements that follow the creation of a temporary table (indexes, statistics) so that
    /// later joins on it are fast. The spatial join planner builds on this.
    /// </summary>
    public virtual IEnumerable<SqlBlock> AfterMaterialize(string name, Schema schema) => [];

    /// <summary>
    /// How planned spatial joins are indexed; null where the warehouse indexes spatial joins itself
    /// (then the planner plans none: <see cref="OptimizerTarget"/>).
    /// </summary>
    public virtual SpatialIndexing? SpatialIndexing => null;

    /// <summary>
    /// A column of an output statement as it must be stored: PostgreSQL pins geography
    /// columns to <c>geometry(Geometry,4326)</c>. The default stores the value as it is.
    /// </summary>
    public virtual SqlFragment OutputColumn(SqlFragment value, Column column) => value;

    /// <summary>Whether <see cref="OutputColumn"/> changes any column of <paramref name="schema"/>.</summary>
    public bool AdaptsOutput(Schema schema) =>
        !schema.IsOpen && schema.Columns.Any(c => OutputColumn(SqlFragment.Atom("x"), c).Text != "x");

    /// <summary>
    /// A column of a source table as the queries read it, the inverse of <see cref="OutputColumn"/>
    /// where stored values are decoded (Trino reads geography stored as WKB). The default reads the
    /// column as it is, and scans are then read straight from their table.
    /// </summary>
    public virtual SqlFragment InputColumn(SqlFragment column, Column type) => column;

    /// <summary>
    /// The validity policy (spec/equivalence.md, "Invalid geometries"): geography <c>{0}</c> as it
    /// enters the workflow (a column of a source table or of custom SQL, text parsed by
    /// st_geogfromtext), itself when it is valid, else its repair by the "structure" method of GEOS
    /// MakeValid, which the interpreter's GeometryFixer also computes. Null where the warehouse's
    /// geographies are valid by construction or it has no repair function: values are read as stored.
    /// </summary>
    public virtual SqlTemplate? GeographyRepair => null;

    /// <summary>
    /// A column of a source table as the queries read it: decoded (<see cref="InputColumn"/>) and,
    /// for a geography, repaired where invalid (<see cref="GeographyRepair"/>).
    /// </summary>
    public SqlFragment SourceColumn(SqlFragment column, Column type)
    {
        var decoded = InputColumn(column, type);
        return type.Type == SqlType.Geography && GeographyRepair is { } repair ? repair.Render([decoded]) : decoded;
    }

    /// <summary>Whether <see cref="SourceColumn"/> changes any column of <paramref name="schema"/>: a scan of it is then read through a query.</summary>
    public bool AdaptsInput(Schema schema) =>
        !schema.IsOpen && schema.Columns.Any(c => SourceColumn(SqlFragment.Atom("x"), c).Text != "x");
}
