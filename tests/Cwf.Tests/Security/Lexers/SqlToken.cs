namespace Cwf.Tests.Security.Lexers;

/// <summary>What a piece of a script is to the warehouse that reads it.</summary>
public enum TokenKind
{
    Whitespace,
    LineComment,
    BlockComment,
    StringLiteral,
    QuotedIdentifier,
    /// <summary>A <c>$$...$$</c> or <c>$tag$...$tag$</c> body (a string constant or a procedure body).</summary>
    DollarQuoted,
    /// <summary>An unquoted identifier or keyword.</summary>
    Word,
    Number,
    /// <summary>Any other single character: operators, parentheses, commas, dots.</summary>
    Symbol,
    /// <summary>The statement separator <c>;</c>.</summary>
    Semicolon,
    /// <summary>Text the warehouse or its client cannot read: an unterminated literal, a bad escape, a NUL, a psql meta-command.</summary>
    Error,
}

/// <summary>
/// One token of a script: where it is, its text, and for literals, quoted identifiers and
/// comments the <see cref="Value"/> the warehouse reads (escapes decoded, the comment's body).
/// An <see cref="TokenKind.Error"/> token says why in <see cref="Problem"/>.
/// </summary>
public sealed record SqlToken(TokenKind Kind, int Start, int Length, string Text, string? Value = null, string? Problem = null)
{
    public int End => Start + Length;

    public bool IsComment => Kind is TokenKind.LineComment or TokenKind.BlockComment;

    public override string ToString() => Kind == TokenKind.Error ? $"Error@{Start}: {Problem}" : $"{Kind}@{Start}: {Text}";
}

/// <summary>How an escape sequence inside a quoted run decoded: the characters consumed and the text it stands for, or why it is invalid.</summary>
public readonly record struct Escape(int Length, string? Value, string? Problem = null)
{
    public static Escape Invalid(int length, string problem) => new(length, null, problem);
}
