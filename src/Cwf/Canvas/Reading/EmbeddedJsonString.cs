using System.Globalization;
using System.Text;

namespace Cwf.Canvas;

/// <summary>
/// Decodes a JSON string literal found in a file (the generated SQL's <c>diagramJson</c>) and
/// remembers, for every decoded character, the file offset it came from, so that positions in
/// the decoded canvas can be reported as positions in the file.
/// </summary>
internal static class EmbeddedJsonString
{
    /// <summary>
    /// Decodes the literal whose opening quote is at <paramref name="quote"/>. Returns null when the
    /// text there is not a complete, valid JSON string literal.
    /// </summary>
    public static (string Text, int[] OffsetMap)? Decode(string file, int quote)
    {
        if (quote < 0 || quote >= file.Length || file[quote] != '"') return null;
        var text = new StringBuilder();
        var map = new List<int>();
        int i = quote + 1;
        while (i < file.Length)
        {
            char c = file[i];
            if (c == '"')
            {
                map.Add(i);
                return (text.ToString(), [.. map]);
            }
            if (c != '\\')
            {
                text.Append(c);
                map.Add(i);
                i++;
                continue;
            }
            if (i + 1 >= file.Length) return null;
            char e = file[i + 1];
            char? simple = e switch
            {
                '"' => '"', '\\' => '\\', '/' => '/', 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t',
                _ => null,
            };
            if (simple is { } s)
            {
                text.Append(s);
                map.Add(i);
                i += 2;
                continue;
            }
            if (e != 'u' || i + 6 > file.Length ||
                !ushort.TryParse(file.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                return null;
            text.Append((char)code);
            map.Add(i);
            i += 6;
        }
        return null;
    }
}
