using System.Text;
using Cwf.Emit.Scripts;

namespace Cwf.Emit;

/// <summary>
/// The custom SQL of an opaque node with its placeholders (<c>$a</c>, <c>$b</c>, <c>$c</c>...)
/// replaced by the relations that hold its inputs, so that <c>FROM $a</c> and <c>FROM $a AS a</c>
/// both work (canvas contract 5a.12). Only code is searched: string literals, quoted identifiers
/// and comments are found with the warehouse's own lexical rules (<see cref="SqlLexer"/>), so that
/// <c>'it\'s $a'</c> in a backslash dialect or <c>E'...'</c> hides its <c>$a</c> as the warehouse
/// reads it. Longer words (<c>$abc</c>) and dollar quotes (<c>$$</c>) are left alone.
/// </summary>
public static class CustomSql
{
    /// <summary>The SQL with its placeholders replaced; <paramref name="rules"/> are the target's (standard SQL when not given).</summary>
    public static string Substitute(string sql, int inputCount, Func<int, string> relation, SqlLexicalRules? rules = null) =>
        Replace(sql, inputCount, relation, rules ?? new SqlLexicalRules(), null, null);

    /// <summary>
    /// A procedure call's statement (<c>native.call</c>): the placeholders as in <see cref="Substitute"/>, and
    /// <c>$output</c> as <paramref name="output"/>. As the product's manual shows, a placeholder may also be written
    /// quoted, alone in a string literal (<c>'$a'</c>: the name as the string <paramref name="literal"/> writes) or in
    /// a quoted identifier (<c>"$a"</c>, <c>`$output`</c>: the name as it is, already quoted by the dialect).
    /// </summary>
    public static string SubstituteCall(string sql, int inputCount, Func<int, string> relation, string output, Func<string, string> literal, SqlLexicalRules rules) =>
        Replace(sql, inputCount, relation, rules, output, literal);

    private static string Replace(string sql, int inputCount, Func<int, string> relation, SqlLexicalRules rules, string? output, Func<string, string>? literal)
    {
        var sb = new StringBuilder(sql.Length + 32);
        foreach (var segment in SqlLexer.Segment(sql, rules))
        {
            if (segment.Kind != SqlSegmentKind.Code)
            {
                string? name = literal is null || segment.Kind is not (SqlSegmentKind.String or SqlSegmentKind.QuotedIdentifier) || segment.Length < 3 ? null
                    : Quoted(sql.Substring(segment.Start + 1, segment.Length - 2), inputCount, relation, output!);
                if (name is null) sb.Append(sql, segment.Start, segment.Length);
                else sb.Append(segment.Kind == SqlSegmentKind.String ? literal!(name) : name);
                continue;
            }
            int i = segment.Start;
            while (i < segment.End)
            {
                if (output is not null && IsOutput(sql, i, segment.End))
                {
                    sb.Append(output);
                    i += OutputPlaceholder.Length;
                }
                else if (IsPlaceholder(sql, i, segment.End, inputCount))
                {
                    sb.Append(relation(sql[i + 1] - 'a'));
                    i += 2;
                }
                else sb.Append(sql[i++]);
            }
        }
        return sb.ToString().TrimEnd().TrimEnd(';').TrimEnd();
    }

    /// <summary>The name a quoted placeholder stands for (the quotes' content is exactly <c>$output</c> or an input's <c>$x</c>); else null.</summary>
    private static string? Quoted(string content, int inputCount, Func<int, string> relation, string output) =>
        content == OutputPlaceholder ? output
        : content.Length == 2 && content[0] == '$' && content[1] is >= 'a' and <= 'z' && content[1] - 'a' < inputCount ? relation(content[1] - 'a')
        : null;

    /// <summary><c>$x</c> at <paramref name="i"/>, x one of the first <paramref name="inputCount"/> letters, not part of a longer word or a dollar quote.</summary>
    private static bool IsPlaceholder(string sql, int i, int end, int inputCount) =>
        sql[i] == '$' && i + 1 < end && sql[i + 1] is >= 'a' and <= 'z' && sql[i + 1] - 'a' < inputCount &&
        (i + 2 >= sql.Length || !IsWordChar(sql[i + 2])) &&
        (i == 0 || !IsWordChar(sql[i - 1]) && sql[i - 1] != '$');

    /// <summary>The placeholder of a procedure call's table.</summary>
    public const string OutputPlaceholder = "$output";

    private static bool IsOutput(string sql, int i, int end) =>
        i + OutputPlaceholder.Length <= end && string.CompareOrdinal(sql, i, OutputPlaceholder, 0, OutputPlaceholder.Length) == 0 &&
        (i + OutputPlaceholder.Length >= sql.Length || !IsWordChar(sql[i + OutputPlaceholder.Length])) &&
        (i == 0 || !IsWordChar(sql[i - 1]) && sql[i - 1] != '$');

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
}
