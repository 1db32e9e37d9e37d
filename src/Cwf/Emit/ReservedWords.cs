using System.Collections.Frozen;

namespace Cwf.Emit;

/// <summary>
/// Words that must be quoted to be used as identifiers: the union of the reserved words of
/// ANSI SQL, BigQuery, Snowflake, Redshift, Databricks (ANSI mode), PostgreSQL and DuckDB
/// (dialects.md pitfall 25). One list for every dialect keeps generated names portable.
/// </summary>
public static class ReservedWords
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "all", "alter", "analyse", "analyze", "and", "any", "array", "as", "asc", "assert_rows_modified", "asymmetric",
        "at", "authorization", "backup", "begin", "between", "binary", "blanksasnull", "both", "by", "bytedict", "bzip2",
        "case", "cast", "check", "collate", "column", "comment", "connect", "constraint", "contains", "create", "credentials",
        "cross", "cube", "current", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
        "current_timestamp", "current_user", "cursor", "default", "deferrable", "deflate", "defrag", "define", "delete",
        "delta", "delta32k", "desc", "describe", "disable", "distinct", "do", "drop", "else", "emptyasnull", "enable",
        "encode", "encrypt", "encryption", "end", "enum", "escape", "except", "exclude", "excluding", "exists", "explain",
        "extract", "false", "fetch", "following", "for", "foreign", "freeze", "from", "full", "function", "gincrementd",
        "glob", "grant", "group", "grouping", "groups", "gzip", "having", "identity", "if", "ignore", "ilike", "in",
        "increment", "initially", "inner", "insert", "intersect", "interval", "into", "is", "isnull", "join", "lateral",
        "leading", "left", "like", "limit", "localtime", "localtimestamp", "lookup", "lun", "luns", "lzo", "lzop", "merge",
        "minus", "minus_", "mostly13", "mostly32", "mostly8", "natural", "new", "no", "not", "notnull", "null", "nulls",
        "of", "off", "offline", "offset", "oid", "old", "on", "only", "open", "or", "order", "outer", "over", "overlaps",
        "parallel", "partition", "percent", "permissions", "pivot", "placing", "preceding", "primary", "proto", "qualify",
        "range", "raw", "readratio", "recover", "recursive", "references", "regexp", "respect", "returning", "revoke",
        "right", "rlike", "rollup", "row", "rows", "sample", "select", "session_user", "set", "similar", "snapshot",
        "some", "sql", "start", "struct", "symmetric", "sysdate", "system", "table", "tablesample", "tag", "tdes",
        "text255", "text32k", "then", "time", "timestamp", "to", "top", "trailing", "treat", "trigger", "true",
        "truncatecolumns", "try_cast", "union", "unique", "unknown", "unnest", "unpivot", "update", "user", "using",
        "values", "variadic", "verbose", "view", "wallet", "when", "whenever", "where", "window", "with", "within",
        "without",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsReserved(string word) => Words.Contains(word);
}
