using System.Globalization;
using System.Text;

namespace Cwf.Text;

/// <summary>Folds free text (labels, titles, names) into the plain ASCII words that generated names are made of.</summary>
public static class AsciiFolding
{
    /// <summary>
    /// Lower-case ASCII letters and digits, accents dropped (<c>Café Zürich</c> → <c>cafe_zurich</c>),
    /// every other run of characters one underscore, none at either end. Any string folds, also one
    /// with noncharacters, unassigned code points or lone surrogates: only letters are decomposed,
    /// one at a time, because whole-string normalization rejects such text.
    /// </summary>
    public static string Fold(string text)
    {
        // Generated names are folded already (every relation name the emitter makes passes here).
        if (IsFolded(text)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                Append(sb, (char)rune.Value);
                continue;
            }
            if (!Rune.IsLetter(rune))
            {
                // A combining accent written after its letter is dropped like a decomposed one.
                if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark) Append(sb, '_');
                continue;
            }
            foreach (char c in rune.ToString().Normalize(NormalizationForm.FormD))
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) Append(sb, c);
        }
        return sb.ToString().Trim('_');
    }

    /// <summary>Whether <see cref="Fold"/> returns the text as it is: lower-case ASCII letters, digits and single inner underscores.</summary>
    private static bool IsFolded(string text)
    {
        if (text.Length == 0) return true;
        if (text[0] == '_' || text[^1] == '_' || text.AsSpan().ContainsAnyExcept(FoldedCharacters)) return false;
        return !text.Contains("__", StringComparison.Ordinal);
    }

    private static readonly System.Buffers.SearchValues<char> FoldedCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_");

    private static void Append(StringBuilder sb, char c)
    {
        if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        else if (sb.Length > 0 && sb[^1] != '_') sb.Append('_');
    }
}
