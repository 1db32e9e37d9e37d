using Cwf.Emit.Scripts;
using System.Text;
using System.Text.RegularExpressions;

namespace Cwf.Tests.Infrastructure;

/// <summary>
/// A construct that is valid in a dialect but that its independent parser wrongly rejects,
/// with a rewrite to a form of the same shape that the parser does accept. A statement the parser
/// rejects is checked again after the rewrites of every gap that matches it; it passes only if the
/// rewritten statement parses, and the result names the gaps used (<see cref="ParserVerdict"/>),
/// so a gap never hides an error elsewhere in the statement. <see cref="Example"/> is a statement
/// the parser rejects today: the tests check that it still does (else the gap is stale) and that
/// the rewrite makes it pass.
/// </summary>
public sealed record ParserGap(string Id, IReadOnlyList<ParserDialect> Dialects, string Reason, Regex Pattern, string Replacement, string Example)
{
    public bool AppliesTo(ParserDialect dialect, string statement) =>
        Dialects.Contains(dialect) && Pattern.IsMatch(MaskedSql.Mask(statement, dialect).Text);

    /// <summary>
    /// Replaces every match in the statement's code, again until none is left (a match nested in another,
    /// SUBSTRING(SUBSTRING(s FROM a) FROM b), is only found once the outer one is rewritten); literals and
    /// quoted names keep their text.
    /// </summary>
    public string Rewrite(ParserDialect dialect, string statement)
    {
        var masked = MaskedSql.Mask(statement, dialect);
        var text = masked.Text;
        for (int pass = 0; pass < 100; pass++)
        {
            var rewritten = Pattern.Replace(text, Replacement);
            if (rewritten == text) break;
            text = rewritten;
        }
        return masked.Restore(text);
    }

    public override string ToString() => $"{Id} ({string.Join(", ", Dialects)}): {Reason}";
}

/// <summary>
/// A statement with each literal and quoted identifier replaced by a numbered placeholder in the
/// same quotes ('\uE000 3\uE001' without the space) and each comment by a space, so that patterns
/// match code only; <see cref="Restore"/> puts the original text back.
/// </summary>
internal sealed partial class MaskedSql
{
    private readonly List<string> _originals;

    private MaskedSql(string text, List<string> originals)
    {
        Text = text;
        _originals = originals;
    }

    public string Text { get; }

    public static MaskedSql Mask(string sql, ParserDialect dialect)
    {
        var text = new StringBuilder(sql.Length);
        var originals = new List<string>();
        foreach (var segment in SqlLexer.Segment(sql, dialect.LexicalRules()))
        {
            var original = sql.Substring(segment.Start, segment.Length);
            switch (segment.Kind)
            {
                case SqlSegmentKind.Code:
                    text.Append(original);
                    break;
                case SqlSegmentKind.Comment:
                    text.Append(' ');
                    break;
                default:
                    char quote = segment.Kind == SqlSegmentKind.String ? '\'' : original[0];
                    text.Append(quote).Append('\uE000').Append(originals.Count).Append('\uE001').Append(quote);
                    originals.Add(original);
                    break;
            }
        }
        return new MaskedSql(text.ToString(), originals);
    }

    public string Restore(string text) =>
        Placeholder().Replace(text, m => _originals[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);

    [GeneratedRegex("['\"`]\uE000(\\d+)\uE001['\"`]")]
    private static partial Regex Placeholder();
}
