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

    private static void Append(StringBuilder sb, char c)
    {
        if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        else if (sb.Length > 0 && sb[^1] != '_') sb.Append('_');
    }
}
