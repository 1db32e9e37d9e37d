using System.Globalization;
using System.Text;
using Cwf.Emit;
using Cwf.Emit.Scripts;
using Cwf.Ir;

namespace Cwf.Canvas;

/// <summary>
/// Lexical helpers for the canvas's SQL fragments (StringSql values and custom SQL): finding
/// <c>@variable</c> references and <c>$a</c> placeholders in code — not inside string literals,
/// quoted identifiers and comments, as the warehouse the fragment is written for reads them
/// (its dialect's <see cref="SqlLexicalRules"/>) — and writing a variable's value as a SQL literal.
/// </summary>
internal static class SqlText
{
    /// <summary>A token-like match in code (not inside quotes or comments): its offset, length and name.</summary>
    public readonly record struct Match(int Start, int Length, string Name);

    /// <summary>The lexical rules of the connection provider's warehouse; standard SQL (no backslash escapes) for an unknown one.</summary>
    public static SqlLexicalRules Rules(string? connectionProvider) => Dialects.Find(connectionProvider ?? "")?.LexicalRules ?? new SqlLexicalRules();

    /// <summary>Every <c>@name</c> in code; <c>@@system</c> variables and <c>a@b</c> are not references.</summary>
    public static List<Match> Variables(string sql, SqlLexicalRules rules) => Scan(sql, rules, '@');

    /// <summary>Every <c>$x</c> (one letter, not followed by a word character) in code; the name is lower-cased (<c>$A</c> is <c>$a</c>).</summary>
    public static List<Match> Placeholders(string sql, SqlLexicalRules rules) =>
        [.. Scan(sql, rules, '$').Where(m => m.Name.Length == 1).Select(m => m with { Name = m.Name.ToLowerInvariant() })];

    /// <summary>The SQL without trailing blanks and semicolons (a fragment is embedded in a larger statement).</summary>
    public static string TrimEnd(string sql) => sql.TrimEnd().TrimEnd(';').TrimEnd();

    /// <summary>Replaces matches (which must be in order and not overlap) by new text.</summary>
    public static string Replace(string sql, IEnumerable<Match> matches, Func<Match, string> replacement)
    {
        var sb = new StringBuilder(sql.Length);
        int at = 0;
        foreach (var m in matches)
        {
            sb.Append(sql, at, m.Start - at).Append(replacement(m));
            at = m.Start + m.Length;
        }
        return sb.Append(sql, at, sql.Length - at).ToString();
    }

    /// <summary>
    /// A parameter's value as a literal of the warehouse's SQL the fragment is written in (the
    /// connection provider's): a string is written by that dialect's own literal function, the one
    /// the emitter uses, so quotes, backslashes and line breaks follow its rules; for an unknown
    /// provider, standard SQL with doubled quotes.
    /// </summary>
    public static string Literal(Parameter parameter, string? connectionProvider) => parameter.Value switch
    {
        null => "NULL",
        string s when Dialects.Find(connectionProvider ?? "") is { } dialect => dialect.Literal(s, SqlType.String).Text,
        string s => "'" + s.Replace("'", "''") + "'",
        bool b => b ? "TRUE" : "FALSE",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(parameter.Value, CultureInfo.InvariantCulture) ?? "NULL",
    };

    /// <summary>
    /// Whether a string reads the same in every warehouse when written with doubled quotes, as
    /// <see cref="Literal"/> writes it for an unknown provider: no backslash (an escape in BigQuery,
    /// Snowflake, Databricks and Redshift literals) and no control character or line separator.
    /// </summary>
    public static bool IsPortable(string s) => !s.Contains('\\') && IdentifierRules.Forbidden(s) is null;

    /// <summary>
    /// The words and commas outside parentheses, quotes and comments, upper-cased, with their offsets:
    /// enough to recognise the shape <c>SELECT list FROM $a [alias] [WHERE ...]</c>.
    /// </summary>
    public static List<Match> TopLevelWords(string sql, SqlLexicalRules rules)
    {
        var words = new List<Match>();
        int depth = 0;
        foreach (var code in Code(sql, rules))
        {
            int i = code.Start;
            while (i < code.End)
            {
                char c = sql[i];
                if (c == '(') depth++;
                else if (c == ')') depth--;
                else if (depth == 0 && c is ',' or ';') words.Add(new Match(i, 1, c.ToString()));
                else if (depth == 0 && (IsWordChar(c) || c == '$'))
                {
                    int end = i + 1;
                    while (end < code.End && IsWordChar(sql[end])) end++;
                    words.Add(new Match(i, end - i, sql[i..end].ToUpperInvariant()));
                    i = end;
                    continue;
                }
                i++;
            }
        }
        return words;
    }

    private static List<Match> Scan(string sql, SqlLexicalRules rules, char sigil)
    {
        var matches = new List<Match>();
        foreach (var code in Code(sql, rules))
        {
            for (int i = code.Start; i < code.End; i++)
            {
                if (sql[i] != sigil || i > 0 && (IsWordChar(sql[i - 1]) || sql[i - 1] == sigil) || i + 1 >= code.End || !IsWordStart(sql[i + 1])) continue;
                int end = i + 1;
                while (end < code.End && IsWordChar(sql[end])) end++;
                matches.Add(new Match(i, end - i, sql[(i + 1)..end]));
                i = end - 1;
            }
        }
        return matches;
    }

    private static IEnumerable<SqlSegment> Code(string sql, SqlLexicalRules rules) =>
        SqlLexer.Segment(sql, rules).Where(s => s.Kind == SqlSegmentKind.Code);

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_';
    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
