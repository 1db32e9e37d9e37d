using CsCheck;

namespace Cwf.Tests.Security;

/// <summary>
/// Hostile text for the injection tests. Every payload is wrapped in two markers made of word
/// characters (<see cref="Start"/>, <see cref="End"/>), which survive any quoting unchanged, so
/// the checks can find where the payload landed in the SQL and whether it stayed in one token.
/// </summary>
public static class InjectionPayloads
{
    public const string Start = "qzx";
    public const string End = "xzq";

    /// <summary>The pieces hostile strings are made of: each has a character that is not a word character.</summary>
    public static readonly string[] Fragments =
    [
        "'", "\"", "`", "\\", "\\'", "''", "\"\"", "\0", "\r", "\n", "\r\n", "\t", "\u000B", "\u000C", "\u001B", "\u007F",
        "\u0085", "\u2028", "\u2029", "--", "/*", "*/", "#", "//", "$$", "$cwf$", "$t$", "{{@v}}", "@v", ";", "\\!", "\n\\! echo pwned\n",
        "; DROP TABLE canary; --", "'; DROP TABLE canary; --", "\"; DROP TABLE canary; --", "\ud800", "\udc00", "\uFFFE", "e\u0301",
        ":ON_ERROR_STOP", " ", ".", "$1", "\\u0027", "\\x27", "\\047", "%", "{{", "}}", "(", ")", ",", "*",
    ];

    /// <summary>One fragment, or any single C0 control character.</summary>
    private static readonly Gen<string> Fragment = Gen.Frequency(
        (4, Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i])),
        (1, Gen.Char['\0', '\u001F'].Select(c => c.ToString())),
        (1, Gen.String[Gen.Char.AlphaNumeric, 1, 4]));

    /// <summary>Blanks outside the markers, to catch names that are trimmed.</summary>
    private static readonly Gen<string> Edge = Gen.Frequency((6, Gen.Const("")), (1, Gen.OneOf(Gen.Const(" "), Gen.Const("\r"), Gen.Const("\n\t"), Gen.Const("\u2028"))));

    /// <summary>A marked payload of one to five fragments (at least one of them hostile), sometimes with blanks around it.</summary>
    public static readonly Gen<string> Hostile =
        Gen.Select(Edge, Gen.Int[0, Fragments.Length - 1], Fragment.Array[0, 4], Edge,
            (before, first, rest, after) => before + Mark(Fragments[first] + string.Concat(rest)) + after);

    /// <summary>The payload with its markers.</summary>
    public static string Mark(string body) => Start + body + End;

    /// <summary>A payload that is only word characters: what every place must accept and compile.</summary>
    public static readonly string Benign = Mark("benign");

    /// <summary>
    /// The fixed payloads of the matrix, one per kind of escape: each is tried in every place, for
    /// every dialect and mode, so the list of known failures can be exact.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Payload)> Canonical =
    [
        ("quote", Mark("'; DROP TABLE canary; --")),
        ("double quote", Mark("\"; DROP TABLE canary; --")),
        ("backtick", Mark("`; DROP TABLE canary; --")),
        ("backslash quote", Mark("\\'; DROP TABLE canary; --")),
        ("trailing backslash", Mark("a\\")),
        ("carriage return", Mark("\rDROP TABLE canary; --")),
        ("line feed", Mark("\nDROP TABLE canary; --")),
        ("psql meta-command", Mark("\n\\! echo pwned\n")),
        ("NUL", Mark("a\0; DROP TABLE canary; --")),
        ("controls", Mark(string.Concat(Enumerable.Range(1, 31).Where(c => c is not ('\r' or '\n')).Select(c => (char)c)) + "\u007F\u0085")),
        ("line separators", Mark("\u2028DROP\u2029TABLE")),
        ("block comment", Mark("*/ DROP TABLE canary; /*")),
        ("dollar quotes", Mark("$$; DROP TABLE canary; $$ $cwf$ $t$")),
        ("templates", Mark("{{@v}} @v :ON_ERROR_STOP")),
        ("lone surrogate", Mark("\ud800x")),
        ("noncharacter", Mark("\uFFFE")),
        ("blanks", " \r\t" + Mark(" padded ") + "\t\n "),
    ];
}
