namespace Cwf.Tests.Fuzz;

/// <summary>
/// Text that has broken compilers before: invalid or unusual UTF-16, control characters and line
/// separators, quoting and comment syntax of every dialect, numbers at and past every limit, deep
/// nesting and long operator chains.
/// </summary>
internal static class HostileText
{
    /// <summary>Marks a lone surrogate in a JSON string value: written as the escape <c>\uD800</c> after serializing (a writer refuses the raw char).</summary>
    public const string LoneHighEscape = "@@LONE-HIGH@@";
    public const string LoneLowEscape = "@@LONE-LOW@@";

    public static readonly string[] Characters =
    [
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uFFFE", "\uFFFF", "\uFDD0", "\U0010FFFF", "\u0378", "\0", "\r", "\n", "\r\n", "\t",
        "\u000B", "\u000C", "\u001B", "\u007F", "\u0085", "\u2028", "\u2029", "\u200B", "\u200E", "\u202E", "\uFEFF", "\u00A0",
        "\u0301", "e\u0301", "\u00E9", "\u00DF", "\u0130", "\u03A3", "\u4E2D", "\U0001F600", "\uFF21",
    ];

    public static readonly string[] Syntax =
    [
        "'", "\"", "`", "\\", "\\'", "''", "\"\"", "$$", "$a", "$b$", "--", "/*", "*/", "//", "#", ";", "{{", "}}", "{{@p}}", "{{@radius}}",
        "@", "@p", "%", "_", "*", "::", "->", "|", "||", "=>", "(", ")", "[", "]", "{", "}", ",", ".", "..", "e", "E",
        "let", "source", "output", "param", "workflow", "filter", "derive", "select", "group by", "join", "sql", "case when", "end",
        "not", "and", "or", "null", "true", "DROP TABLE x; --", "'); DROP TABLE victim; --", "\\!", "\r\nDROP TABLE v; --",
    ];

    public static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "0.5", "1e308", "1e309", "-1e309", "1e-400", "NaN", "Infinity", "-Infinity", "2147483647", "2147483648",
        "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "99999999999999999999", "79228162514264337593543950335", "-79228162514264337593543950335", "79228162514264337593543950336",
        "0.0000000000000000000000000001", "1.00000000000000000000000000001", "123456789012345678901234567890.5", "0x10", "1_000", "07",
    ];

    /// <summary>Large inputs over an operand: nesting just past the limits, chains far beyond them, very long names and lines.</summary>
    public static IEnumerable<string> Large(string operand = "a")
    {
        yield return new string('(', 600) + operand + new string(')', 600);
        yield return new string('(', 40) + operand + new string(')', 40);
        yield return string.Concat(Enumerable.Repeat("not ", 600)) + operand;
        yield return string.Concat(Enumerable.Repeat($"case when {operand} then ", 120)) + operand + string.Concat(Enumerable.Repeat(" end", 120));
        yield return string.Join(" or ", Enumerable.Repeat(operand, 2_000));
        yield return string.Join(" and ", Enumerable.Repeat($"{operand} = 1", 1_000));
        yield return string.Join(" || ", Enumerable.Repeat(operand, 1_000));
        yield return string.Join(" + ", Enumerable.Repeat(operand, 600));
        yield return operand + new string('a', 5_000);
        yield return new string('[', 300) + new string(']', 300);
        yield return string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300);
        yield return string.Concat(Enumerable.Repeat("x\n", 3_000));
    }

    public static readonly string[] All = [.. Characters, .. Syntax, .. Numbers, .. Large()];

    /// <summary>Strings to put inside JSON string values (lone surrogates as markers, replaced after writing).</summary>
    public static readonly string[] JsonValues =
    [
        .. Characters.Where(c => !c.Any(char.IsSurrogate) || c.Length == 2), .. Syntax, .. Numbers, .. Large().Take(9),
        LoneHighEscape, LoneLowEscape, "a" + LoneHighEscape + "b", LoneLowEscape + LoneHighEscape, "x\uFFFEy", "Tab\tle\u2028name",
    ];

    /// <summary>JSON text with the lone-surrogate markers written as escapes.</summary>
    public static string ResolveMarkers(string json) => json.Replace(LoneHighEscape, "\\ud800").Replace(LoneLowEscape, "\\udc00");
}
