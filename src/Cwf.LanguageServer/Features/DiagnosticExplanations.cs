using System.Collections.Frozen;
using System.Text;

namespace Cwf.LanguageServer.Features;

/// <summary>
/// The explanation of each code from spec/diagnostics.md (its <c>### CWFnnnn: title</c> section), embedded in
/// the assembly at build time, so the server never reads the spec from disk.
/// </summary>
public static class DiagnosticExplanations
{
    private static readonly Lazy<FrozenDictionary<string, string>> Sections = new(Load);

    /// <summary>The section of a code as markdown (title line first), or null when the spec has none.</summary>
    public static string? For(string code) => Sections.Value.GetValueOrDefault(code);

    public static int Count => Sections.Value.Count;

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(DiagnosticExplanations).Assembly.GetManifestResourceStream("Cwf.LanguageServer.diagnostics.md");
        if (stream is null) return FrozenDictionary<string, string>.Empty;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    internal static FrozenDictionary<string, string> Parse(string markdown)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? code = null;
        var text = new StringBuilder();
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("#", StringComparison.Ordinal))
            {
                Flush();
                if (line.StartsWith("### CWF", StringComparison.Ordinal) && line.IndexOf(':') is > 4 and var colon)
                {
                    code = line[4..colon].Trim();
                    text.Append("**").Append(line[4..].Trim()).Append("**\n");
                }
                continue;
            }
            if (code is not null) text.Append(line.TrimEnd('\r')).Append('\n');
        }
        Flush();
        return sections.ToFrozenDictionary(StringComparer.Ordinal);

        void Flush()
        {
            if (code is not null) sections.TryAdd(code, text.ToString().Trim());
            code = null;
            text.Clear();
        }
    }
}
