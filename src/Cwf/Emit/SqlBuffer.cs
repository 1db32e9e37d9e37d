namespace Cwf.Emit;

/// <summary>
/// The characters of the expressions an emission is writing, in one array shared by its expression
/// writers (<see cref="EmitContext.Sql"/>). An expression is written at the end, each operand in
/// place before its operator's text, and parenthesised there only when its reader needs it; so an
/// expression of n nodes makes one string when it is taken, not a string per node concatenated
/// again at every level. Writes nest like calls: a writer takes what it wrote from its start and
/// leaves the buffer as it found it, so a writer may write another expression while it writes its own.
/// </summary>
internal sealed class SqlBuffer
{
    private char[] _chars;
    private int _length;
    private readonly List<WrittenArgument> _arguments = [];

    public SqlBuffer(int capacity = 256) => _chars = new char[Math.Max(capacity, 16)];

    public int Length => _length;

    /// <summary>What was written from <paramref name="start"/> on.</summary>
    public ReadOnlySpan<char> From(int start) => _chars.AsSpan(start, _length - start);

    public void Append(char c)
    {
        Reserve(1);
        _chars[_length++] = c;
    }

    public void Append(string text) => Append(text.AsSpan());

    public void Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    /// <summary>Appends a copy of characters written before (a template's argument, which may repeat).</summary>
    public void AppendCopy(int start, int count)
    {
        Reserve(count);
        Array.Copy(_chars, start, _chars, _length, count);
        _length += count;
    }

    public void Insert(int index, string text)
    {
        Reserve(text.Length);
        Array.Copy(_chars, index, _chars, index + text.Length, _length - index);
        text.CopyTo(0, _chars, index, text.Length);
        _length += text.Length;
    }

    public void Remove(int start, int count)
    {
        Array.Copy(_chars, start + count, _chars, start, _length - start - count);
        _length -= count;
    }

    /// <summary>Puts what was written from <paramref name="start"/> in parentheses.</summary>
    public void Parenthesize(int start)
    {
        Insert(start, "(");
        Append(')');
    }

    /// <summary>Moves what was written from <paramref name="middle"/> on before what was written from <paramref name="start"/> to it, in place.</summary>
    public void Rotate(int start, int middle)
    {
        _chars.AsSpan(start, middle - start).Reverse();
        _chars.AsSpan(middle, _length - middle).Reverse();
        _chars.AsSpan(start, _length - start).Reverse();
    }

    /// <summary>Removes what was written from <paramref name="start"/> on.</summary>
    public void Truncate(int start) => _length = start;

    /// <summary>
    /// What was written from <paramref name="start"/> on, as a string, removed from the buffer:
    /// <paramref name="same"/> itself when it holds the same characters (a column's name, written as it is).
    /// </summary>
    public string Take(int start, string? same = null)
    {
        var written = From(start);
        var text = same is not null && written.SequenceEqual(same) ? same : written.ToString();
        Truncate(start);
        return text;
    }

    /// <summary>
    /// The arguments of the templates being rendered, as a stack: a call pushes each argument once
    /// written and pops them when its template is rendered, so nested calls need no list of their own.
    /// </summary>
    public int ArgumentCount => _arguments.Count;

    public void PushArgument(int start, int precedence) => _arguments.Add(new WrittenArgument(start, _length - start, precedence));

    public ReadOnlySpan<WrittenArgument> Arguments(int from) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_arguments)[from..];

    public void PopArguments(int from) => _arguments.RemoveRange(from, _arguments.Count - from);

    private void Reserve(int count)
    {
        if (_length + count > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + count));
    }
}
