using System.Text;

namespace Cwf.Emit;

/// <summary>
/// The custom SQL of an opaque node with its placeholders (<c>$a</c>, <c>$b</c>, <c>$c</c>...)
/// replaced by the relations that hold its inputs, so that <c>FROM $a</c> and <c>FROM $a AS a</c>
/// both work (canvas contract 5a.12). Placeholders inside string literals, quoted identifiers and
/// comments are left alone, as are longer words (<c>$abc</c>) and dollar quotes (<c>$$</c>).
/// </summary>
public static class CustomSql
{
    public static string Substitute(string sql, int inputCount, Func<int, string> relation)
    {
        var sb = new StringBuilder(sql.Length + 32);
        int i = 0;
        while (i < sql.Length)
        {
            char c = sql[i];
            if (c is '\'' or '"' or '`')
            {
                int end = sql.IndexOf(c, i + 1);
                end = end < 0 ? sql.Length : end + 1;
                sb.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                int end = sql.IndexOf('\n', i);
                end = end < 0 ? sql.Length : end;
                sb.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                int end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? sql.Length : end + 2;
                sb.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '$' && i + 1 < sql.Length && sql[i + 1] is >= 'a' and <= 'z' &&
                     (i + 2 >= sql.Length || !IsWordChar(sql[i + 2])) &&
                     (i == 0 || !IsWordChar(sql[i - 1]) && sql[i - 1] != '$') &&
                     sql[i + 1] - 'a' < inputCount)
            {
                sb.Append(relation(sql[i + 1] - 'a'));
                i += 2;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }
        return sb.ToString().TrimEnd().TrimEnd(';').TrimEnd();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
}
