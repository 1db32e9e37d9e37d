using System.Runtime.CompilerServices;

namespace Cwf.Components;

/// <summary>
/// The names met so far, compared ignoring case, to find one given twice. Most steps name a handful of
/// columns: those are kept in place and compared one by one, and only a longer list gets a hash set (a set
/// for every select and join was a sixth of what the binder allocated on a chain of joins). A local, used in place.
/// </summary>
internal struct SeenNames
{
    private const int FewCount = 8;
    private Few _few;
    private int _count;
    private HashSet<string>? _many;

    /// <summary>Adds a name; false when it was already there.</summary>
    public bool Add(string name)
    {
        if (_many is not null) return _many.Add(name);
        for (int i = 0; i < _count; i++)
            if (string.Equals(_few[i], name, StringComparison.OrdinalIgnoreCase)) return false;
        if (_count < FewCount)
        {
            _few[_count++] = name;
            return true;
        }
        _many = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var seen in _few) _many.Add(seen);
        return _many.Add(name);
    }

    [InlineArray(FewCount)]
    private struct Few
    {
        private string _name;
    }
}
