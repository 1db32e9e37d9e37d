namespace Cwf.Tests.Security;

/// <summary>What the compiler is given: the input file's text, an optional catalog, and --param overrides.</summary>
internal sealed record InjectionInput(string Path, string Text, string? Catalog = null, IReadOnlyList<string>? Overrides = null)
{
    public IReadOnlyList<string> ParamOverrides => Overrides ?? [];
}

/// <summary>How a payload must come out of a place in the SQL.</summary>
internal enum PayloadForm
{
    /// <summary>Inside string literals, each reading as the whole payload.</summary>
    StringLiteral,
    /// <summary>Inside quoted identifiers, each reading as the whole payload (or in a comment naming it).</summary>
    Identifier,
    /// <summary>Inside comments, with no control character or line separator.</summary>
    Comment,
    /// <summary>Nowhere in particular (display text, derived names); where it appears, it stays in one token.</summary>
    Anywhere,
    /// <summary>
    /// Pasted as text into SQL by a <c>{{@v}}</c> template, so it is code: it need not stay in one
    /// token, but the script must still lex and have as many statements as without it.
    /// </summary>
    Code,
}

/// <summary>
/// A place a user controls: its name, the form the payload must keep in the SQL, and how to build
/// an input with the payload there for a target dialect (null when the place cannot hold that
/// text at all, e.g. a line break in a .cwf single-line string).
/// </summary>
internal sealed record InjectionPlace(string Name, PayloadForm Form, Func<string, Cwf.Emit.Dialect, InjectionInput?> Build)
{
    /// <summary>A value the place accepts, for the baseline script (by default a plain word between the markers).</summary>
    public string Benign { get; init; } = InjectionPayloads.Benign;

    /// <summary>The text the payload must read as in the SQL (a canvas input value has its <c>{{@v}}</c> replaced first).</summary>
    public Func<string, string> Expected { get; init; } = payload => payload;

    public override string ToString() => Name;
}
