namespace Cwf.Emit.Scripts;

/// <summary>
/// Splits a script into statements at semicolons that are code: not inside string literals,
/// quoted identifiers, dollar-quoted bodies or comments (<see cref="SqlLexer"/>). Statements that
/// hold only comments and whitespace are dropped. Procedural blocks whose bodies are not quoted
/// (BigQuery's BEGIN ... END) are split like any other text.
/// </summary>
public static class SqlStatementSplitter
{
    public static IReadOnlyList<SqlStatement> Split(string script, SqlLexicalRules rules)
    {
        var statements = new List<SqlStatement>();
        int start = 0;
        bool hasContent = false;
        foreach (var segment in SqlLexer.Segment(script, rules))
        {
            if (segment.Kind != SqlSegmentKind.Code)
            {
                hasContent |= segment.Kind != SqlSegmentKind.Comment;
                continue;
            }
            for (int i = segment.Start; i < segment.End; i++)
            {
                if (script[i] == ';')
                {
                    Add(start, i, hasContent);
                    start = i + 1;
                    hasContent = false;
                }
                else if (!char.IsWhiteSpace(script[i]))
                {
                    hasContent = true;
                }
            }
        }
        Add(start, script.Length, hasContent);
        return statements;

        void Add(int from, int to, bool content)
        {
            if (!content) return;
            var text = script[from..to];
            int leading = text.Length - text.TrimStart().Length;
            int line = 1 + script.AsSpan(0, from + leading).Count('\n');
            statements.Add(new SqlStatement(text.Trim(), line));
        }
    }
}
