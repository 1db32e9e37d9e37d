using System.Text;
using Cwf.Text;

namespace Cwf.Diagnostics.Formatters;

/// <summary>
/// Compiler-style text:
/// <code>
/// stores.cwf:4:27: error CWF2800: unknown column 'revnue' in 'stores'
///     4 | let big = stores | filter revnue > 100
///       |                           ^~~~~~
///       = hint: did you mean 'revenue'?
/// </code>
/// A canvas location adds the node, input and JSON pointer; related locations follow as notes.
/// Linear in the number of diagnostics; at most <see cref="DiagnosticLimit.MaxPerCode"/> of one code are listed.
/// </summary>
public static class TextDiagnosticFormatter
{
    private const int MaxExcerptLength = 500;

    public static string Format(IEnumerable<Diagnostic> diagnostics, DiagnosticFormatOptions? options = null)
    {
        options ??= DiagnosticFormatOptions.Default;
        var sb = new StringBuilder();
        foreach (var diagnostic in DiagnosticLimit.Apply([.. diagnostics])) Write(sb, diagnostic, options);
        return sb.ToString();
    }

    public static string Format(Diagnostic diagnostic, DiagnosticFormatOptions? options = null) => Format([diagnostic], options);

    private static void Write(StringBuilder sb, Diagnostic d, DiagnosticFormatOptions options)
    {
        var at = ResolvedLocation.From(d.Location, options);
        sb.Append(at.Header).Append(": ").Append(DiagnosticFormatter.SeverityName(d.Severity)).Append(' ').Append(d.Code).Append(": ").Append(d.Message).Append('\n');
        // Line numbers are right-aligned in a gutter as wide as the widest number (at least 4), plus one space.
        int gutter = (at.Start is { } s ? Math.Max(4, s.Line.ToString().Length) : 4) + 1;
        string pad = new(' ', gutter);
        if (at.Where is not null) sb.Append(pad).Append(" = at ").Append(at.Where).Append('\n');
        if (options.ShowSource && at.Source is not null && at.Start is { } start) WriteExcerpt(sb, at.Source, start, at.End, gutter);
        foreach (var hint in d.Hints) sb.Append(pad).Append(" = hint: ").Append(hint).Append('\n');
        foreach (var related in d.RelatedLocations)
        {
            var r = ResolvedLocation.From(related, options);
            sb.Append(pad).Append(" = note: see ").Append(r.Header).Append(r.Where is null ? "" : ", " + r.Where).Append('\n');
        }
    }

    // The line, then a caret under the first character and tildes under the rest of the span on that line.
    // A long line (a minified canvas is one line) is left out, and measured before it is copied:
    // copying it for each of thousands of diagnostics made the output quadratic.
    private static void WriteExcerpt(StringBuilder sb, SourceText source, LinePosition start, LinePosition? end, int gutter)
    {
        var span = source.GetLineSpan(start.Line);
        if (span.Length > MaxExcerptLength) return;
        var line = source.ToString(span);
        sb.Append(start.Line.ToString().PadLeft(gutter)).Append(" | ").Append(line).Append('\n');
        int from = Math.Clamp(start.Column - 1, 0, line.Length);
        int to = end is { } e && e.Line == start.Line ? Math.Clamp(e.Column - 1, from, line.Length) : (end is null ? from + 1 : line.Length);
        var marker = new StringBuilder();
        for (int i = 0; i < from; i++) marker.Append(line[i] == '\t' ? '\t' : ' ');
        marker.Append('^');
        for (int i = from + 1; i < to; i++) marker.Append('~');
        sb.Append(new string(' ', gutter)).Append(" | ").Append(marker).Append('\n');
    }
}
