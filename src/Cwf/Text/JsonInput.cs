using System.Text;
using System.Text.Json;

namespace Cwf.Text;

/// <summary>Why a JSON text cannot be read: what is wrong, where in the text, and the pointer of the value when one is known.</summary>
public sealed record JsonProblem(string Message, LinePosition Position, string? Pointer, string Hint);

/// <summary>
/// Parses the JSON that users hand to cwf (canvas exports, catalogs, data files) and never
/// throws on it: a syntax error, and a string without a UTF-16 value (a lone surrogate, raw in
/// the text or escaped as <c>\ud800</c>), come back as a <see cref="JsonProblem"/>. Every string and
/// member name of a document returned here can be read without an exception.
/// </summary>
public static class JsonInput
{
    /// <summary>Comments and trailing commas allowed, as editors and exports write them; nesting bounded.</summary>
    public static JsonDocumentOptions Options { get; } = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 };

    public const string LoneSurrogateHint =
        "a \\uD800-\\uDBFF escape must be followed by a \\uDC00-\\uDFFF one (a surrogate pair); replace the escape with the character meant, or remove it";

    /// <summary>The document, or null and the problem; the caller disposes the document.</summary>
    public static JsonDocument? Parse(SourceText source, out JsonProblem? problem) => Parse(source, Options, out problem);

    public static JsonDocument? Parse(SourceText source, JsonDocumentOptions options, out JsonProblem? problem)
    {
        problem = null;
        int raw = JsonStrings.IndexOfLoneSurrogate(source.Text);
        if (raw >= 0)
        {
            problem = new JsonProblem($"invalid UTF-16: lone surrogate U+{(int)source.Text[raw]:X4} in the text", source.GetPosition(raw), null,
                "save the file as UTF-8 from text that holds whole characters");
            return null;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(source.Text, options);
        }
        catch (JsonException e)
        {
            problem = new JsonProblem(Message(e), Position(source, e), null,
                "fix the JSON syntax at this position; a truncated file or an unquoted key are common causes");
            return null;
        }
        if (JsonStrings.FindUndecodable(document.RootElement) is { } pointer)
        {
            document.Dispose();
            var position = JsonPositionIndex.Build(source).Find(pointer) ?? new LinePosition(1, 1);
            problem = new JsonProblem($"invalid UTF-16: lone surrogate in the string at {(pointer.Length == 0 ? "the root" : pointer)}", position, pointer, LoneSurrogateHint);
            return null;
        }
        return document;
    }

    /// <summary>The reader's message without its "Path: ... | LineNumber: ... | BytePositionInLine" tail (the location says that better).</summary>
    public static string Message(JsonException e)
    {
        var message = e.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ', '|');
    }

    /// <summary>The error's 1-based position: the reader counts bytes within the line, so convert them to characters.</summary>
    public static LinePosition Position(SourceText source, JsonException e)
    {
        int line = (int)(e.LineNumber ?? 0) + 1;
        int bytes = (int)(e.BytePositionInLine ?? 0);
        var lineBytes = Encoding.UTF8.GetBytes(source.GetLineText(line));
        int column = Encoding.UTF8.GetCharCount(lineBytes, 0, Math.Min(bytes, lineBytes.Length)) + 1;
        return new LinePosition(line, column);
    }
}
