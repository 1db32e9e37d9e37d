using System.Collections.Immutable;
using System.Text;

namespace Cwf.Emit;

/// <summary>
/// A SQL pattern with argument placeholders <c>{0}</c>, <c>{1}</c>..., the data form of a
/// function translation (<c>ST_Distance({0}::geography, {1}::geography)</c>). A placeholder that
/// stands alone as a function argument (between <c>(</c>/<c>,</c> and <c>,</c>/<c>)</c>) takes the
/// argument as is; anywhere else a non-atomic argument is parenthesised. A placeholder may repeat.
/// <c>{toolbox}</c> stands for where the CARTO Analytics Toolbox is installed, quoted by the dialect
/// (<c>{toolbox}.QUADBIN_CENTER({0})</c>; <see cref="Dialect.ToolboxPrefix"/>).
/// </summary>
public sealed class SqlTemplate
{
    private readonly ImmutableArray<Segment> _segments;

    /// <summary>The placeholder for the toolbox location.</summary>
    public const string ToolboxPlaceholder = "{toolbox}";

    private SqlTemplate(string text, ImmutableArray<Segment> segments, int precedence, int arity)
    {
        Text = text;
        _segments = segments;
        Precedence = precedence;
        Arity = arity;
    }

    /// <summary>Whether the template calls the CARTO Analytics Toolbox (holds <see cref="ToolboxPlaceholder"/>).</summary>
    public bool CallsToolbox => _segments.Any(s => s.Argument == ToolboxArgument);

    private const int ToolboxArgument = -2;

    public string Text { get; }

    /// <summary>How tightly the rendered result binds: an atom when the whole template is one call.</summary>
    public int Precedence { get; }

    /// <summary>One more than the highest placeholder index.</summary>
    public int Arity { get; }

    public static implicit operator SqlTemplate(string text) => Parse(text);

    public static SqlTemplate Parse(string text, int? precedence = null)
    {
        var segments = ImmutableArray.CreateBuilder<Segment>();
        var literal = new StringBuilder();
        int arity = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (string.CompareOrdinal(text, i, ToolboxPlaceholder, 0, ToolboxPlaceholder.Length) == 0)
            {
                if (literal.Length > 0) segments.Add(new Segment(literal.ToString(), -1, false));
                literal.Clear();
                segments.Add(new Segment("", ToolboxArgument, false));
                i += ToolboxPlaceholder.Length - 1;
            }
            else if (text[i] == '{' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 1]) && text[i + 2] == '}')
            {
                if (literal.Length > 0) segments.Add(new Segment(literal.ToString(), -1, false));
                literal.Clear();
                int index = text[i + 1] - '0';
                arity = Math.Max(arity, index + 1);
                bool standalone = Neighbour(text, i - 1, -1) is '(' or ',' && Neighbour(text, i + 3, +1) is ')' or ',';
                segments.Add(new Segment("", index, standalone));
                i += 2;
            }
            else literal.Append(text[i]);
        }
        if (literal.Length > 0) segments.Add(new Segment(literal.ToString(), -1, false));
        return new SqlTemplate(text, segments.ToImmutable(), precedence ?? DetectPrecedence(text.Replace(ToolboxPlaceholder, "t", StringComparison.Ordinal)), arity);
    }

    /// <summary>The template with these arguments; <paramref name="toolbox"/> is the quoted toolbox location when it <see cref="CallsToolbox"/>.</summary>
    public SqlFragment Render(IReadOnlyList<SqlFragment> args, string? toolbox = null)
    {
        if (_segments.Length == 1 && _segments[0].Argument >= 0) return args[_segments[0].Argument];
        int length = Text.Length + (toolbox?.Length ?? 0);
        foreach (var arg in args) length += arg.Text.Length + 2;
        var buffer = new SqlBuffer(length);
        foreach (var arg in args)
        {
            int start = buffer.Length;
            buffer.Append(arg.Text);
            buffer.PushArgument(start, arg.Precedence);
        }
        int precedence = Render(buffer, 0, toolbox);
        return new SqlFragment(buffer.Take(0), precedence);
    }

    /// <summary>
    /// The template written over its arguments, the buffer's arguments from <paramref name="firstArgument"/>
    /// on (written from where the first starts, and popped): the rendered text takes their place. Returns its precedence.
    /// </summary>
    internal int Render(SqlBuffer buffer, int firstArgument, string? toolbox)
    {
        var args = buffer.Arguments(firstArgument);
        int start = args.IsEmpty ? buffer.Length : args[0].Start;
        int output = buffer.Length;
        int precedence = Precedence;
        if (_segments.Length == 1 && _segments[0].Argument >= 0)
        {
            var only = args[_segments[0].Argument];
            buffer.AppendCopy(only.Start, only.Length);
            precedence = only.Precedence;
        }
        else
        {
            foreach (var segment in _segments)
            {
                if (segment.Argument == ToolboxArgument)
                    buffer.Append(toolbox ?? throw new InvalidOperationException($"Template '{Text}' calls the toolbox, but no location was given."));
                else if (segment.Argument < 0) buffer.Append(segment.Literal);
                else
                {
                    var arg = args[segment.Argument];
                    bool wrap = !segment.Standalone && arg.Precedence < Emit.Precedence.Atom;
                    if (wrap) buffer.Append('(');
                    buffer.AppendCopy(arg.Start, arg.Length);
                    if (wrap) buffer.Append(')');
                }
            }
        }
        buffer.PopArguments(firstArgument);
        buffer.Remove(start, output - start);
        return precedence;
    }

    /// <summary>This one-argument template applied to what <paramref name="inner"/> computes: <c>outer(inner({0}, ...))</c>.</summary>
    public SqlTemplate Around(SqlTemplate inner)
    {
        if (Arity != 1) throw new InvalidOperationException($"Template '{Text}' takes {Arity} arguments, not one.");
        return Parse(Text.Replace("{0}", inner.Text, StringComparison.Ordinal));
    }

    public override string ToString() => Text;

    /// <summary>
    /// An atom when the text is a (possibly qualified or quoted) name followed by one parenthesised
    /// argument list that closes at the very end, like <c>ST_Area({0}::geography)</c>.
    /// </summary>
    public static int DetectPrecedence(string text)
    {
        text = text.Trim();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is '`' or '"')
            {
                int close = text.IndexOf(c, i + 1);
                if (close < 0) return Emit.Precedence.Lowest;
                i = close + 1;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '$') i++;
            else break;
        }
        if (i == 0 || i >= text.Length || text[i] != '(' || char.IsAsciiDigit(text[0]))
            return Emit.Precedence.Lowest;
        return MatchingParenthesis(text, i) == text.Length - 1 ? Emit.Precedence.Atom : Emit.Precedence.Lowest;
    }

    /// <summary>The index of the parenthesis closing the one at <paramref name="open"/>, skipping quoted text; -1 if none.</summary>
    public static int MatchingParenthesis(ReadOnlySpan<char> text, int open)
    {
        int depth = 0;
        char quote = '\0';
        for (int i = open; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '\'') i++;
                else if (c == quote) quote = '\0';
                continue;
            }
            switch (c)
            {
                case '\'' or '"' or '`':
                    quote = c;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0) return i;
                    break;
            }
        }
        return -1;
    }

    private static char Neighbour(string text, int start, int step)
    {
        for (int i = start; i >= 0 && i < text.Length; i += step)
            if (!char.IsWhiteSpace(text[i])) return text[i];
        return '\0';
    }

    private readonly record struct Segment(string Literal, int Argument, bool Standalone);
}
