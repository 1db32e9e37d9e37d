using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>
/// The conjuncts of a filter on its way down, indexed by the column names they read, so that
/// crossing a projection touches only the conjuncts that read a column it computes or renames.
/// That keeps pushing many filters down a long chain linear: each conjunct is rewritten only
/// where a column it reads is defined, not at every step it passes.
/// </summary>
internal sealed class ConjunctSet
{
    private readonly List<Expr?> _items = [];
    // The distinct column names each conjunct reads, computed once when it is added.
    private readonly List<string[]> _columns = [];
    private readonly Dictionary<string, HashSet<int>> _byColumn = new(StringComparer.OrdinalIgnoreCase);
    private int _count;

    public ConjunctSet(IEnumerable<Expr> conjuncts)
    {
        foreach (var c in conjuncts) Add(c);
    }

    public int Count => _count;

    public IEnumerable<Expr> Items => _items.OfType<Expr>();

    public void Add(Expr conjunct) =>
        Add(conjunct, Predicates.Columns(conjunct).Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToArray());

    // names: the distinct column names the conjunct reads.
    private void Add(Expr conjunct, string[] names)
    {
        int index = _items.Count;
        _items.Add(conjunct);
        _columns.Add(names);
        _count++;
        foreach (var name in names)
        {
            if (!_byColumn.TryGetValue(name, out var set)) _byColumn[name] = set = [];
            set.Add(index);
        }
    }

    /// <summary>The indexes of the conjuncts that read any of the columns.</summary>
    public SortedSet<int> Reading(IEnumerable<string> columns)
    {
        var result = new SortedSet<int>();
        foreach (var name in columns)
            if (_byColumn.TryGetValue(name, out var set)) result.UnionWith(set);
        return result;
    }

    public Expr this[int index] => _items[index] ?? throw new InvalidOperationException("Conjunct already removed.");

    public void RemoveAt(int index)
    {
        _ = this[index];
        foreach (var name in _columns[index])
            _byColumn[name].Remove(index);
        _items[index] = null;
        _count--;
    }

    /// <summary>
    /// Moves the set below a projection or grouping whose outputs are <paramref name="definitions"/>
    /// (name → expression over the input; null for outputs that cannot be substituted, such as
    /// aggregates): conjuncts that read a computed or renamed column are rewritten over the input
    /// when every column they read is cheap to compute again, and are returned as stuck otherwise.
    /// Where a rewrite would grow a conjunct beyond <see cref="SubstitutionBound"/>, the step
    /// stays a boundary for the computed columns that conjunct reads: every conjunct reading one
    /// of them is stuck, so a chain that keeps redefining a column gets one filter every so many
    /// steps, not a filter of the largest allowed size above every step.
    /// </summary>
    public List<Expr> CrossDefinitions(IReadOnlyList<(string Name, Expr? Definition)> definitions)
    {
        var map = new Dictionary<string, Expr?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, definition) in definitions) map.TryAdd(name, definition);
        var changing = definitions.Where(d => d.Definition is not ColumnRef { Input: 0 } r || !r.Name.Equals(d.Name, StringComparison.OrdinalIgnoreCase))
            .Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Whether each output may be substituted, asked once per crossing rather than once per conjunct.
        var cheap = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        bool Substitutable(string name)
        {
            if (cheap.TryGetValue(name, out bool known)) return known;
            return cheap[name] = map.TryGetValue(name, out var e) && e is not null && Predicates.IsCheap(e);
        }
        // The columns each definition reads, found once per crossing: a rewritten conjunct reads
        // exactly the columns of the definitions of the columns it read (every one is replaced).
        var definitionColumns = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        string[] ColumnsOf(string name)
        {
            if (definitionColumns.TryGetValue(name, out var known)) return known;
            return definitionColumns[name] = [.. Predicates.Columns(map[name]!).Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase)];
        }
        var crossing = new List<(int Index, Expr Conjunct, Expr? Rewritten)>();
        var boundary = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (int index in Reading(changing))
        {
            var conjunct = this[index];
            var names = _columns[index];
            var rewritten = names.All(Substitutable) ? Predicates.Substitute(conjunct, r => map[r.Name]) : null;
            if (rewritten is not null && !SubstitutionBound.Allows(conjunct, rewritten))
                boundary.UnionWith(names.Where(changing.Contains));
            crossing.Add((index, conjunct, rewritten));
        }
        var stuck = new List<Expr>();
        foreach (var (index, conjunct, rewritten) in crossing)
        {
            var names = _columns[index];
            bool atBoundary = names.Any(boundary.Contains);
            RemoveAt(index);
            if (rewritten is not null && !atBoundary)
                Add(rewritten, names.Length == 1 ? ColumnsOf(names[0]) : [.. names.SelectMany(ColumnsOf).Distinct(StringComparer.OrdinalIgnoreCase)]);
            else stuck.Add(conjunct);
        }
        return stuck;
    }
}
