using System.Text;
using Cwf.Ir;

namespace Cwf.Interpretation.Data;

/// <summary>
/// The file that holds a table: its name parts joined by dots, then the format's extension
/// (<c>analytics.orders</c> → <c>analytics.orders.csv</c>). In a part, characters that cannot
/// or must not appear in a file name part — <c>. / \ : * ? " &lt; &gt; | %</c> and control
/// characters — are written as <c>%XX</c> (their UTF-8 bytes in upper-case hex).
/// </summary>
public static class TableFileNames
{
    private const string Escaped = "./\\:*?\"<>|%";

    public static string BaseName(TableName table) => string.Join(".", table.Parts.Select(EscapePart));

    public static string FileName(TableName table, DataFormat format) => BaseName(table) + format.Extension();

    private static string EscapePart(string part)
    {
        var sb = new StringBuilder();
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in part.EnumerateRunes())
        {
            if (rune.Value < 0x20 || (rune.IsAscii && Escaped.Contains((char)rune.Value)))
            {
                int n = rune.EncodeToUtf8(bytes);
                for (int i = 0; i < n; i++) sb.Append('%').Append(bytes[i].ToString("X2"));
            }
            else sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    /// <summary>
    /// The base names to look for, most specific first: the full name, then without the
    /// catalog, then the table name alone (<c>p.d.orders</c>, <c>d.orders</c>, <c>orders</c>).
    /// </summary>
    public static IReadOnlyList<string> Candidates(TableName table) =>
        [.. Enumerable.Range(0, table.Parts.Count).Select(skip => BaseName(new TableName(table.Parts.Items.RemoveRange(0, skip))))];
}
