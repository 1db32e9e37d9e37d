using System.Collections.Frozen;
using Antlr4.Runtime;
using Cwf.Diagnostics;
using G = Cwf.Syntax.Generated;

namespace Cwf.Syntax.Internal;

/// <summary>
/// Units written as words or abbreviations the grammar does not know (<c>500 meters</c>, <c>5 kms</c>,
/// <c>10 mins</c>): the grammar's units are m, km, mi, ft, m2, km2, mi2, ha and the time units, so such a
/// word after a number is a syntax error. Its hint names the unit meant, which an editor offers as a fix.
/// </summary>
internal static class UnitSpellings
{
    private static readonly FrozenDictionary<string, string> Units = new Dictionary<string, string>
    {
        ["meter"] = "m", ["meters"] = "m", ["metre"] = "m", ["metres"] = "m", ["mtrs"] = "m",
        ["kilometer"] = "km", ["kilometers"] = "km", ["kilometre"] = "km", ["kilometres"] = "km", ["kms"] = "km",
        ["mile"] = "mi", ["miles"] = "mi",
        ["foot"] = "ft", ["feet"] = "ft",
        ["sqm"] = "m2", ["sqkm"] = "km2", ["sqmi"] = "mi2", ["hectare"] = "ha", ["hectares"] = "ha",
        ["sec"] = "seconds", ["secs"] = "seconds", ["min"] = "minutes", ["mins"] = "minutes",
        ["hr"] = "hours", ["hrs"] = "hours", ["wk"] = "weeks", ["wks"] = "weeks", ["yr"] = "years", ["yrs"] = "years",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Shorter words are too close to too many others to be judged misspelled ("mm" is no minute).
    private const int ShortestMisspelling = 5;

    /// <summary>"did you mean 'km'?" when the offending token is a unit's word right after a number or parameter, else null.</summary>
    public static string? Hint(TokenList tokens, IToken offending)
    {
        if (offending.Type != G.CwfLexer.IDENTIFIER) return null;
        int previous = tokens.LastTokenBefore(offending.StartIndex);
        if (tokens.Type(previous) is not (G.CwfLexer.INTEGER or G.CwfLexer.FLOAT or G.CwfLexer.PARAMETER)) return null;
        var word = offending.Text;
        if (!Units.TryGetValue(word, out var unit) && word.Length >= ShortestMisspelling && NameSuggestions.Closest(word, Units.Keys) is { } near)
            unit = Units[near];
        return unit is null ? null : $"did you mean '{unit}'?";
    }
}
