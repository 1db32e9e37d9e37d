using System.Text;
using System.Text.Json;
using Cwf.Text;

namespace Cwf.Canvas;

/// <summary>Turns System.Text.Json parse errors into messages and 1-based line:column positions.</summary>
internal static class JsonErrors
{
    public static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 };

    /// <summary>The error's position: the reader counts bytes within the line, so convert them to characters.</summary>
    public static LinePosition Position(SourceText source, JsonException e)
    {
        int line = (int)(e.LineNumber ?? 0) + 1;
        int bytes = (int)(e.BytePositionInLine ?? 0);
        var lineBytes = Encoding.UTF8.GetBytes(source.GetLineText(line));
        int column = Encoding.UTF8.GetCharCount(lineBytes, 0, Math.Min(bytes, lineBytes.Length)) + 1;
        return new LinePosition(line, column);
    }

    /// <summary>The reader's message without its "LineNumber: ... | BytePositionInLine" tail (the location says that better).</summary>
    public static string Message(JsonException e)
    {
        var message = e.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ', '|');
    }
}
