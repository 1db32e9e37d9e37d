using System.Text;

namespace Cwf.Tests.Fuzz;

/// <summary>
/// Mutations that ignore the input's structure: characters and bytes changed, ranges deleted,
/// duplicated or moved, lines shuffled, hostile text inserted, pieces of another input spliced in.
/// Each returns the new text and a short description for the failure report.
/// </summary>
internal static class TextMutator
{
    public static (string Text, string Step) Mutate(string text, Random rng, IReadOnlyList<string> others)
    {
        if (text.Length == 0) return (Pick(rng, HostileText.All), "text: replaced the empty input");
        int at = rng.Next(text.Length + 1);
        int length = Length(rng, text.Length - Math.Min(at, text.Length));
        switch (rng.Next(11))
        {
            case 0:
                var flipped = new StringBuilder(text);
                int flips = 1 + rng.Next(4);
                for (int i = 0; i < flips; i++) flipped[rng.Next(text.Length)] = RandomChar(rng);
                return (flipped.ToString(), $"text: {flips} characters flipped");
            case 1:
                return (text.Remove(at, length), $"text: deleted {length} at {at}");
            case 2:
                return (text.Insert(at, text.Substring(at, length)), $"text: duplicated {length} at {at}");
            case 3:
            case 4:
                var hostile = Pick(rng, HostileText.All);
                return (text.Insert(at, hostile), $"text: inserted {Describe(hostile)} at {at}");
            case 5:
                var piece = Pick(rng, HostileText.All);
                return (text.Remove(at, length).Insert(at, piece), $"text: replaced {length} at {at} by {Describe(piece)}");
            case 6:
                var other = others.Count == 0 ? text : Pick(rng, others);
                int from = rng.Next(other.Length + 1);
                var splice = other.Substring(from, Length(rng, other.Length - from));
                return (text.Insert(at, splice), $"text: spliced {splice.Length} characters of another input at {at}");
            case 7:
                return (text[..at], $"text: truncated at {at}");
            case 8:
                var lines = text.Split('\n').ToList();
                int line = rng.Next(lines.Count);
                switch (rng.Next(3))
                {
                    case 0: lines.RemoveAt(line); break;
                    case 1: lines.Insert(line, lines[rng.Next(lines.Count)]); break;
                    default: (lines[line], lines[^1]) = (lines[^1], lines[line]); break;
                }
                return (string.Join('\n', lines), $"text: line {line + 1} deleted, duplicated or swapped");
            case 9:
                var bytes = Encoding.UTF8.GetBytes(text);
                if (bytes.Length == 0) return (text, "text: no bytes to flip");
                bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
                return (Encoding.UTF8.GetString(bytes), "text: one byte flipped (invalid UTF-8 reads as U+FFFD)");
            default:
                var moved = text.Substring(at, length);
                var rest = text.Remove(at, length);
                int to = rng.Next(rest.Length + 1);
                return (rest.Insert(to, moved), $"text: moved {length} from {at} to {to}");
        }
    }

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>A short printable description of inserted text (long or invisible text by its code points).</summary>
    public static string Describe(string text)
    {
        var shown = text.Length > 24 ? text[..24] + $"... ({text.Length} chars)" : text;
        var sb = new StringBuilder("'");
        foreach (char c in shown) sb.Append(c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString());
        return sb.Append('\'').ToString();
    }

    // Mostly short ranges, sometimes long ones.
    private static int Length(Random rng, int available) =>
        available <= 0 ? 0 : Math.Min(available, rng.Next(4) == 0 ? rng.Next(1, 400) : rng.Next(1, 12));

    private static char RandomChar(Random rng) => rng.Next(4) switch
    {
        0 => (char)rng.Next(0x20, 0x7F),
        1 => Pick(rng, HostileText.Characters)[0],
        2 => "()'\"`{}[],.|;:@$\\-*/"[rng.Next(20)],
        _ => (char)rng.Next(0x10000),
    };
}
