using System.Text;

namespace Cwf.Tests.Snapshots;

/// <summary>A line diff in unified form (hunks with three lines of context), for failure messages.</summary>
public static class TextDiff
{
    private const int Context = 3;

    /// <summary>Above this many cells the alignment table is not built and the changed middle is shown whole.</summary>
    private const long MaxTableCells = 4_000_000;

    public static string Unified(string expected, string actual, int maxLines = 200)
    {
        var a = expected.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var b = actual.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var edits = Align(a, b);

        var output = new StringBuilder("--- verified\n+++ received\n");
        var changes = Enumerable.Range(0, edits.Count).Where(k => edits[k].Kind != ' ').ToList();
        int written = 0;
        for (int c = 0; c < changes.Count;)
        {
            // A hunk takes every change less than two contexts after the previous one.
            int last = c;
            while (last + 1 < changes.Count && changes[last + 1] - changes[last] <= 2 * Context) last++;
            int from = Math.Max(0, changes[c] - Context);
            int to = Math.Min(edits.Count, changes[last] + Context + 1);
            output.Append($"@@ -{edits[from].LineA + 1} +{edits[from].LineB + 1} @@\n");
            for (int k = from; k < to; k++)
            {
                if (written++ >= maxLines) return output.Append("... (diff cut)\n").ToString();
                output.Append(edits[k].Kind).Append(' ').Append(edits[k].Text).Append('\n');
            }
            c = last + 1;
        }
        return output.ToString();
    }

    private readonly record struct Edit(char Kind, string Text, int LineA, int LineB);

    /// <summary>A longest-common-subsequence alignment of the lines between the common prefix and suffix.</summary>
    private static List<Edit> Align(string[] a, string[] b)
    {
        int prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        int suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;

        var edits = new List<Edit>();
        for (int k = 0; k < prefix; k++) edits.Add(new Edit(' ', a[k], k, k));

        int n = a.Length - prefix - suffix, m = b.Length - prefix - suffix;
        if ((long)n * m > MaxTableCells)
        {
            for (int k = 0; k < n; k++) edits.Add(new Edit('-', a[prefix + k], prefix + k, prefix));
            for (int k = 0; k < m; k++) edits.Add(new Edit('+', b[prefix + k], prefix + n, prefix + k));
        }
        else
        {
            // lcs[x, y]: the length of the LCS of a[prefix+x..] and b[prefix+y..] (middle part only).
            var lcs = new int[n + 1, m + 1];
            for (int x = n - 1; x >= 0; x--)
                for (int y = m - 1; y >= 0; y--)
                    lcs[x, y] = a[prefix + x] == b[prefix + y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
            int i = 0, j = 0;
            while (i < n || j < m)
            {
                if (i < n && j < m && a[prefix + i] == b[prefix + j]) { edits.Add(new Edit(' ', a[prefix + i], prefix + i, prefix + j)); i++; j++; }
                else if (i < n && (j == m || lcs[i + 1, j] >= lcs[i, j + 1])) { edits.Add(new Edit('-', a[prefix + i], prefix + i, prefix + j)); i++; }
                else { edits.Add(new Edit('+', b[prefix + j], prefix + i, prefix + j)); j++; }
            }
        }
        for (int k = suffix; k > 0; k--) edits.Add(new Edit(' ', a[^k], a.Length - k, b.Length - k));
        return edits;
    }
}
