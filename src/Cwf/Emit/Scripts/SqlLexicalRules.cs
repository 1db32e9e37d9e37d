namespace Cwf.Emit.Scripts;

/// <summary>The lexical conventions of a dialect that decide where a statement ends.</summary>
public sealed record SqlLexicalRules
{
    /// <summary>A backslash escapes the next character in a string ('it\'s').</summary>
    public bool BackslashEscapes { get; init; }

    /// <summary>"..." is a string literal (BigQuery, Databricks), not an identifier.</summary>
    public bool DoubleQuotedStrings { get; init; }

    public bool BacktickIdentifiers { get; init; }

    /// <summary>A backslash escapes the next character inside `...` too (BigQuery: <c>`a\`b`</c>).</summary>
    public bool BacktickBackslashEscapes { get; init; }

    /// <summary>A doubled quote ends one string and opens the next (<c>'it''s'</c> is two literals: BigQuery, Databricks), not an escaped quote.</summary>
    public bool AdjacentStrings { get; init; }

    /// <summary>r'...' and r"..." take no backslash escapes at all (Databricks: <c>r'\'</c> is one backslash).</summary>
    public bool RawStrings { get; init; }

    /// <summary>'''...''' and """...""" (BigQuery).</summary>
    public bool TripleQuotedStrings { get; init; }

    /// <summary>$$...$$ bodies (PostgreSQL, Redshift, Snowflake).</summary>
    public bool DollarQuotes { get; init; }

    /// <summary>$tag$...$tag$ (PostgreSQL, Redshift).</summary>
    public bool TaggedDollarQuotes { get; init; }

    /// <summary>E'...' strings take backslash escapes (PostgreSQL, Redshift).</summary>
    public bool EscapeStringPrefix { get; init; }

    public bool NestedBlockComments { get; init; }

    /// <summary># starts a line comment (BigQuery).</summary>
    public bool HashComments { get; init; }

    /// <summary>// starts a line comment (Snowflake).</summary>
    public bool DoubleSlashComments { get; init; }

}
