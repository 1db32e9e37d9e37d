using System.Text.RegularExpressions;
using Cwf.Syntax.Internal;

namespace Cwf.Tests.Fuzz;

/// <summary>
/// Mutations of .cwf text that keep it parsing, so that hostile text reaches the binder, the
/// optimizer and the backends rather than stopping at a syntax error: every use of one name
/// renamed to a backquoted hostile name, hostile text put inside a string literal (quotes doubled,
/// no line breaks, as the lexer wants), a number replaced by one at or past a limit, an operand
/// replaced by a long chain or deep nesting.
/// </summary>
internal static partial class CwfMutator
{
    public static (string Text, string Step)? Mutate(string text, Random rng)
    {
        switch (rng.Next(4))
        {
            case 0:
                var names = Identifier().Matches(text).Select(m => m.Value).Where(n => !Keywords.Contains(n) && Catalog.SqlTypeNames.TryParse(n) is null).Distinct().ToList();
                if (names.Count == 0) return null;
                var name = TextMutator.Pick(rng, names);
                var hostile = Hostile(rng, '`');
                return (Regex.Replace(text, $@"(?<![\w`$@.]){Regex.Escape(name)}(?![\w`])", "`" + name + hostile + "`"), $"cwf: renamed {name} to `{name}{TextMutator.Describe(hostile)}`");
            case 1:
                var strings = StringLiteral().Matches(text);
                if (strings.Count == 0) return null;
                var literal = strings[rng.Next(strings.Count)];
                char quote = literal.Value[0];
                int at = literal.Index + 1 + rng.Next(literal.Length - 1);
                var inserted = Hostile(rng, quote);
                return (text.Insert(at, inserted), $"cwf: {TextMutator.Describe(inserted)} put in the string at {at}");
            case 2:
                var numbers = Number().Matches(text);
                if (numbers.Count == 0) return null;
                var number = numbers[rng.Next(numbers.Count)];
                var replacement = TextMutator.Pick(rng, HostileText.Numbers);
                return (text.Remove(number.Index, number.Length).Insert(number.Index, replacement), $"cwf: number {number.Value} replaced by {replacement}");
            default:
                var operands = Identifier().Matches(text);
                if (operands.Count == 0) return null;
                var operand = operands[rng.Next(operands.Count)];
                var large = TextMutator.Pick(rng, HostileText.Large(operand.Value).Take(9).ToList());
                return (text.Remove(operand.Index, operand.Length).Insert(operand.Index, "(" + large + ")"), $"cwf: {operand.Value} at {operand.Index} replaced by {TextMutator.Describe(large)}");
        }
    }

    private static readonly HashSet<string> Keywords =
        new(TokenFacts.Reserved.Concat(TokenFacts.SoftKeywords).Select(t => TokenFacts.KeywordText(t)!), StringComparer.OrdinalIgnoreCase);

    // Hostile text that stays inside a quoted token: the quote doubled, line breaks left out.
    private static string Hostile(Random rng, char quote)
    {
        var pool = rng.Next(3) > 0 ? HostileText.Characters : HostileText.Syntax;
        var text = TextMutator.Pick(rng, pool.Where(s => !s.Contains('\r') && !s.Contains('\n')).ToList());
        return text.Replace(quote.ToString(), new string(quote, 2));
    }

    [GeneratedRegex(@"(?<![\w`$@.""'])[A-Za-z_][A-Za-z0-9_]*(?![\w`])")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"'(?:[^'\r\n]|'')*'|""(?:[^""\r\n]|"""")*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")]
    private static partial Regex Number();
}
