using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Cwf.Text;

/// <summary>
/// Finds JSON strings that have no UTF-16 value: an escaped lone surrogate (<c>"\ud800"</c>
/// without its low half, or a low half alone). JSON's grammar allows them but System.Text.Json
/// throws when asked for such a string or member name, so readers check a document once, right
/// after parsing, and report the string instead of reading it.
/// </summary>
public static class JsonStrings
{
    /// <summary>
    /// Whether raw JSON (UTF-8, escapes as written: a string token, a member name or a whole
    /// document) decodes to UTF-16: every high-surrogate escape is followed by a low-surrogate escape
    /// and no low one stands alone. Outside strings a valid document has no backslash, so the scan
    /// needs no tokenizer.
    /// </summary>
    public static bool IsDecodable(ReadOnlySpan<byte> raw)
    {
        int i = raw.IndexOf((byte)'\\');
        while (i >= 0 && i < raw.Length)
        {
            if (i + 1 >= raw.Length) return true;
            if (raw[i + 1] != 'u')
            {
                i = Next(raw, i + 2);
                continue;
            }
            int unit = Hex(raw, i + 2);
            if (unit is >= 0xDC00 and <= 0xDFFF) return false;
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                bool paired = i + 11 < raw.Length && raw[i + 6] == '\\' && raw[i + 7] == 'u' && Hex(raw, i + 8) is >= 0xDC00 and <= 0xDFFF;
                if (!paired) return false;
                i = Next(raw, i + 12);
                continue;
            }
            i = Next(raw, i + 6);
        }
        return true;
    }

    /// <summary>
    /// The JSON pointer of a string value or member name under <paramref name="root"/> that does
    /// not decode (the first in a depth-first walk) (a member name without a UTF-16 value is written as its escaped
    /// text), or null when every one does. One scan of the raw text; the walk that names the
    /// place runs only when there is something to find.
    /// </summary>
    public static string? FindUndecodable(JsonElement root)
    {
        if (IsDecodable(JsonMarshal.GetRawUtf8Value(root))) return null;
        var pending = new Stack<(JsonElement Element, string Pointer)>();
        pending.Push((root, ""));
        while (pending.TryPop(out var entry))
        {
            var (element, pointer) = entry;
            switch (element.ValueKind)
            {
                case JsonValueKind.String when !IsDecodable(JsonMarshal.GetRawUtf8Value(element)):
                    return pointer;
                case JsonValueKind.Array:
                    var items = new List<JsonElement>(element.EnumerateArray());
                    for (int i = items.Count - 1; i >= 0; i--) pending.Push((items[i], pointer + "/" + i));
                    break;
                case JsonValueKind.Object:
                    var members = new List<JsonProperty>(element.EnumerateObject());
                    for (int i = members.Count - 1; i >= 0; i--)
                    {
                        var name = JsonMarshal.GetRawUtf8PropertyName(members[i]);
                        if (!IsDecodable(name)) return pointer + "/" + JsonPositionIndex.Escape(AsWritten(name));
                        string memberPointer = pointer + "/" + JsonPositionIndex.Escape(members[i].Name);
                        pending.Push((members[i].Value, memberPointer));
                    }
                    break;
            }
        }
        return null;
    }

    /// <summary>The index of the first unpaired surrogate character in <paramref name="text"/>, or -1.</summary>
    public static int IndexOfLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else return i;
        }
        return -1;
    }

    /// <summary>Raw JSON text as written, escapes kept: how a member name that does not decode appears in pointers.</summary>
    public static string AsWritten(ReadOnlySpan<byte> raw) => Encoding.UTF8.GetString(raw);

    // The next backslash at or after `from`, or -1.
    private static int Next(ReadOnlySpan<byte> raw, int from)
    {
        if (from >= raw.Length) return -1;
        int next = raw[from..].IndexOf((byte)'\\');
        return next < 0 ? -1 : from + next;
    }

    // The four hex digits at `at` as a number, or -1 (a valid document always has four).
    private static int Hex(ReadOnlySpan<byte> raw, int at)
    {
        if (at + 4 > raw.Length) return -1;
        int value = 0;
        for (int k = at; k < at + 4; k++)
        {
            int digit = raw[k] switch
            {
                >= (byte)'0' and <= (byte)'9' => raw[k] - '0',
                >= (byte)'a' and <= (byte)'f' => raw[k] - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => raw[k] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0) return -1;
            value = value * 16 + digit;
        }
        return value;
    }
}
