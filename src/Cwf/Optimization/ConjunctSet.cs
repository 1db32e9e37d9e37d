using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>
/// The conjuncts of a filter on its way down, indexed by the column names they read, so that
/// crossing a projection touches only the conjuncts that read a column it computes or renames.
/// That keeps pushing many filters down a long chain linear: each conjunct is rewritten only
/// where a column it reads is defined, not at every step it passes.
/// <para>
/// Rewriting is deferred: crossing a projection records the crossing on each conjunct it
/// rewrites and counts the rewritten conjunct's nodes and column references (enough for the
/// <see cref="SubstitutionBound"/> and the index) without building it. A conjunct is written out
/// when it is read, by substituting into it the columns' definitions composed over the crossings
/// it made, composed once per sequence of crossings and shared by every conjunct that made the
/// same ones. Substitution composes (substituting m₁ and then m₂ replaces each column by m₁'s
/// definition with m₂ substituted into it), so the conjunct is the one rewriting at every crossing
/// builds; on a chain that redefines a column, the conjuncts travelling together then cost one
/// rewrite per crossing instead of one each.
/// </para>
/// </summary>
internal sealed class ConjunctSet
{
    private readonly List<Entry?> _items = [];
    private readonly Dictionary<string, HashSet<int>> _byColumn = new(StringComparer.OrdinalIgnoreCase);
    // Composed definitions, one node per sequence of crossings read from the latest back (see Write).
    private Composition? _composed;
    private int _count;

    public ConjunctSet(IEnumerable<Expr> conjuncts)
    {
        foreach (var c in conjuncts) Add(c);
    }

    public int Count => _count;

    public IEnumerable<Expr> Items
    {
        get
        {
            foreach (var entry in _items)
                if (entry is not null) yield return Write(entry);
        }
    }

    public void Add(Expr conjunct)
    {
        var (uses, nodes) = ColumnUses.Of(conjunct);
        Append(new Entry(conjunct, uses, nodes));
    }

    private void Append(Entry entry)
    {
        int index = _items.Count;
        _items.Add(entry);
        _count++;
        Index(index, entry.Uses.Names);
    }

    private void Index(int index, string[] names)
    {
        foreach (var name in names)
        {
            if (!_byColumn.TryGetValue(name, out var set)) _byColumn[name] = set = [];
            set.Add(index);
        }
    }

    private void Unindex(int index, string[] names)
    {
        foreach (var name in names)
            _byColumn[name].Remove(index);
    }

    /// <summary>The indexes of the conjuncts that read any of the columns, in order.</summary>
    private List<int> Reading(IEnumerable<string> columns)
    {
        var result = new List<int>();
        foreach (var name in columns)
            if (_byColumn.TryGetValue(name, out var set)) result.AddRange(set);
        result.Sort();
        // A conjunct that reads several of the columns is listed once.
        int kept = 0;
        for (int i = 0; i < result.Count; i++)
            if (kept == 0 || result[kept - 1] != result[i]) result[kept++] = result[i];
        result.RemoveRange(kept, result.Count - kept);
        return result;
    }

    private void RemoveAt(int index)
    {
        var entry = EntryAt(index);
        Unindex(index, entry.Uses.Names);
        _items[index] = null;
        _count--;
    }

    private Entry EntryAt(int index) => _items[index] ?? throw new InvalidOperationException("Conjunct already removed.");

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
    public IReadOnlyList<Expr> CrossDefinitions(IReadOnlyList<(string Name, Expr? Definition)> definitions)
    {
        // Most steps a set crosses change no column it reads: nothing to build for those (not even a closure).
        if (!ChangesAnyRead(definitions)) return NoneStuck;
        var crossing = new Crossing(definitions);
        var reading = Reading(crossing.Changing);
        var moving = new (int Index, ColumnUses? After, long Nodes)[reading.Count];
        HashSet<string>? boundary = null;
        for (int i = 0; i < reading.Count; i++)
        {
            var entry = EntryAt(reading[i]);
            // Every column a rewritten conjunct reads is replaced, so it is rewritten only when all may be.
            var (after, growth) = AllSubstitutable(entry.Uses.Names, crossing) ? crossing.Through(entry.Uses) : ((ColumnUses?)null, 0L);
            if (after is not null && !SubstitutionBound.Allows(entry.Nodes, entry.Nodes + growth))
            {
                foreach (var name in entry.Uses.Names)
                    if (crossing.Changing.Contains(name)) (boundary ??= new(StringComparer.OrdinalIgnoreCase)).Add(name);
            }
            moving[i] = (reading[i], after, entry.Nodes + growth);
        }
        // When every conjunct moves on (a chain redefining the column they all read), each keeps its
        // place: that is the order removing and appending them all gives, and neither the list nor the
        // index grows at every crossing.
        bool allMove = boundary is null && reading.Count == _count && Array.TrueForAll(moving, static m => m.After is not null);
        List<Expr>? stuck = null;
        foreach (var (index, after, nodes) in moving)
        {
            var entry = EntryAt(index);
            if (allMove)
            {
                if (!SameNames(entry.Uses.Names, after!.Names))
                {
                    Unindex(index, entry.Uses.Names);
                    Index(index, after.Names);
                }
                entry.Crossed(crossing, after, nodes);
                continue;
            }
            bool atBoundary = boundary is not null && ReadsAny(entry.Uses.Names, boundary);
            RemoveAt(index);
            if (after is not null && !atBoundary) Append(entry.Crossed(crossing, after, nodes));
            else (stuck ??= []).Add(Write(entry));
        }
        return stuck ?? NoneStuck;
    }

    // Loops, not LINQ over method groups: these run for every conjunct at every crossing it makes.
    private static bool AllSubstitutable(string[] names, Crossing crossing)
    {
        foreach (var name in names)
            if (!crossing.Substitutable(name)) return false;
        return true;
    }

    private static bool SameNames(string[] a, string[] b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
            if (!a[i].Equals(b[i], StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    private static bool ReadsAny(string[] names, HashSet<string> columns)
    {
        foreach (var name in names)
            if (columns.Contains(name)) return true;
        return false;
    }

    // Shared by the crossings that leave every conjunct moving (nearly all): read, never added to.
    private static readonly IReadOnlyList<Expr> NoneStuck = [];

    private bool ChangesAnyRead(IReadOnlyList<(string Name, Expr? Definition)> definitions)
    {
        for (int i = 0; i < definitions.Count; i++)
            if (IsChanging(definitions[i]) && _byColumn.TryGetValue(definitions[i].Name, out var readers) && readers.Count > 0) return true;
        return false;
    }

    /// <summary>Whether the output is anything but the input's column of the same name.</summary>
    private static bool IsChanging((string Name, Expr? Definition) d) =>
        d.Definition is not ColumnRef { Input: 0 } r || !r.Name.Equals(d.Name, StringComparison.OrdinalIgnoreCase);

    // The conjunct with its pending crossings substituted in; kept, so it is written once.
    private Expr Write(Entry entry)
    {
        if (entry.Pending is null) return entry.Written;
        // The composition for a conjunct's crossings is found from the latest one back, so
        // conjuncts that made the same last crossings share it (a conjunct absorbed lower down made fewer).
        var path = new List<Composition>();
        var node = _composed ??= new(null);
        for (var step = entry.Pending; step is not null; step = step.Earlier)
            path.Add(node = node.Then(step.Crossing));
        var earliest = path.Count - 1;
        var written = Predicates.Substitute(entry.Written, r => Composed(path, earliest, r.Name));
        entry.Rewritten(written);
        return written;
    }

    // The definition of a column read above crossing path[level], with every later crossing
    // (path[level - 1] down to path[0]) substituted in. A loop over pending work, not recursion:
    // a conjunct may have crossed thousands of renames.
    private static Expr Composed(List<Composition> path, int level, string name)
    {
        if (path[level].Definitions.TryGetValue(name, out var known)) return known;
        var work = new Stack<(int Level, string Name)>();
        work.Push((level, name));
        while (work.TryPeek(out var top))
        {
            var node = path[top.Level];
            if (node.Definitions.ContainsKey(top.Name))
            {
                work.Pop();
                continue;
            }
            var definition = node.Crossing!.Definition(top.Name);
            if (top.Level == 0)
            {
                node.Definitions[top.Name] = definition;
                work.Pop();
                continue;
            }
            var later = path[top.Level - 1];
            bool ready = true;
            foreach (var read in node.Crossing.UsesOf(top.Name).Uses.Names)
            {
                if (later.Definitions.ContainsKey(read)) continue;
                work.Push((top.Level - 1, read));
                ready = false;
            }
            if (!ready) continue;
            node.Definitions[top.Name] = Predicates.Substitute(definition, r => later.Definitions[r.Name]);
            work.Pop();
        }
        return path[level].Definitions[name];
    }

    /// <summary>A conjunct: its expression as last written, the crossings made since, and what its current form reads.</summary>
    private sealed class Entry(Expr written, ColumnUses uses, long nodes)
    {
        public Expr Written { get; private set; } = written;

        /// <summary>The crossings not yet written in, the latest first.</summary>
        public PendingCrossing? Pending { get; private set; }

        public ColumnUses Uses { get; private set; } = uses;

        /// <summary>The node count of its current form.</summary>
        public long Nodes { get; private set; } = nodes;

        public Entry Crossed(Crossing crossing, ColumnUses after, long nodes)
        {
            Pending = new PendingCrossing(crossing, Pending);
            Uses = after;
            Nodes = nodes;
            return this;
        }

        public void Rewritten(Expr written)
        {
            Written = written;
            Pending = null;
        }
    }

    private sealed record PendingCrossing(Crossing Crossing, PendingCrossing? Earlier);

    /// <summary>
    /// Definitions composed over a sequence of crossings: <see cref="Crossing"/> and then, through
    /// the node it was reached from, every later one. The root (no crossing) is the identity.
    /// </summary>
    private sealed class Composition(Crossing? crossing)
    {
        private Dictionary<Crossing, Composition>? _earlier;

        public Crossing? Crossing { get; } = crossing;

        /// <summary>Column name → its definition at <see cref="Crossing"/> with the later crossings substituted in.</summary>
        public Dictionary<string, Expr> Definitions { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The node for <paramref name="earlier"/> followed by this node's sequence.</summary>
        public Composition Then(Crossing earlier)
        {
            _earlier ??= [];
            if (!_earlier.TryGetValue(earlier, out var node)) _earlier[earlier] = node = new Composition(earlier);
            return node;
        }
    }

    /// <summary>One projection or grouping crossed: its definitions and what each costs, found once per crossing.</summary>
    private sealed class Crossing
    {
        // One table per crossing for the definitions and what is learnt about them (a filter on a chain makes a crossing every few steps).
        private readonly Dictionary<string, Output> _outputs;
        // Conjuncts that read the same columns the same number of times share what they read after the crossing.
        private Dictionary<ColumnUses, (ColumnUses After, long Growth)>? _through;

        public Crossing(IReadOnlyList<(string Name, Expr? Definition)> definitions)
        {
            _outputs = new(definitions.Count, StringComparer.OrdinalIgnoreCase);
            Changing = new(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < definitions.Count; i++)
            {
                var d = definitions[i];
                _outputs.TryAdd(d.Name, new Output { Definition = d.Definition });
                if (IsChanging(d)) Changing.Add(d.Name);
            }
        }

        /// <summary>The outputs that are not the input's column of the same name.</summary>
        public HashSet<string> Changing { get; }

        public bool Substitutable(string name)
        {
            ref var output = ref CollectionsMarshal.GetValueRefOrNullRef(_outputs, name);
            if (Unsafe.IsNullRef(ref output)) return false;
            return output.Cheap ??= output.Definition is { } e && Predicates.IsCheap(e);
        }

        public Expr Definition(string name) => _outputs[name].Definition!;

        public (ColumnUses Uses, long Nodes) UsesOf(string name)
        {
            ref var output = ref CollectionsMarshal.GetValueRefOrNullRef(_outputs, name);
            if (Unsafe.IsNullRef(ref output)) throw new KeyNotFoundException($"The crossing defines no column '{name}'.");
            if (output.Uses is null) (output.Uses, output.Nodes) = ColumnUses.Of(output.Definition!);
            return (output.Uses, output.Nodes);
        }

        /// <summary>
        /// What an expression reading <paramref name="uses"/> reads after every column reference
        /// is replaced by its definition here, and how many nodes that adds.
        /// </summary>
        public (ColumnUses After, long Growth) Through(ColumnUses uses)
        {
            _through ??= new(ColumnUses.Comparer);
            if (_through.TryGetValue(uses, out var known)) return known;
            return _through[uses] = uses.Through(this);
        }

        // An output's definition (null: not substitutable, such as an aggregate), and once asked, whether it is cheap and what it reads.
        private struct Output
        {
            public Expr? Definition;
            public bool? Cheap;
            public ColumnUses? Uses;
            public long Nodes;
        }
    }

    /// <summary>
    /// The distinct column names an expression reads (compared as the index compares them) and
    /// how many references each has; node counts are as <see cref="SubstitutionBound.NodeCount"/> counts.
    /// </summary>
    private sealed class ColumnUses
    {
        public static IEqualityComparer<ColumnUses> Comparer { get; } = new ContentComparer();

        private readonly long[] _references;

        private ColumnUses(Tally tally)
        {
            Names = [.. tally.Names];
            _references = [.. tally.References];
        }

        public string[] Names { get; }

        public static (ColumnUses Uses, long Nodes) Of(Expr e)
        {
            var tally = new Tally();
            long nodes = 0;
            using var walk = new ExprNodes(e);
            while (walk.Next(out var node))
            {
                nodes++;
                if (node is ColumnRef c) tally.Add(c.Name, 1);
            }
            return (new ColumnUses(tally), nodes);
        }

        /// <summary>The uses after every column reference is replaced by its definition at <paramref name="crossing"/>, and the nodes that adds.</summary>
        public (ColumnUses After, long Growth) Through(Crossing crossing)
        {
            var tally = new Tally();
            long growth = 0;
            for (int i = 0; i < Names.Length; i++)
            {
                var (definition, nodes) = crossing.UsesOf(Names[i]);
                growth += _references[i] * (nodes - 1);
                for (int j = 0; j < definition.Names.Length; j++)
                    tally.Add(definition.Names[j], _references[i] * definition._references[j]);
            }
            return (new ColumnUses(tally), growth);
        }

        private sealed class ContentComparer : IEqualityComparer<ColumnUses>
        {
            public bool Equals(ColumnUses? x, ColumnUses? y)
            {
                if (ReferenceEquals(x, y)) return true;
                if (x is null || y is null || x.Names.Length != y.Names.Length) return false;
                for (int i = 0; i < x.Names.Length; i++)
                    if (x._references[i] != y._references[i] || !x.Names[i].Equals(y.Names[i], StringComparison.OrdinalIgnoreCase)) return false;
                return true;
            }

            public int GetHashCode(ColumnUses uses)
            {
                var hash = new HashCode();
                for (int i = 0; i < uses.Names.Length; i++)
                {
                    hash.Add(uses.Names[i], StringComparer.OrdinalIgnoreCase);
                    hash.Add(uses._references[i]);
                }
                return hash.ToHashCode();
            }
        }
    }

    /// <summary>References counted per column name, in the order first met; a position index only once there are many names.</summary>
    private sealed class Tally
    {
        private const int ScanUpTo = 16;
        private Dictionary<string, int>? _positions;

        public List<string> Names { get; } = [];

        public List<long> References { get; } = [];

        public void Add(string name, long count)
        {
            int at = Find(name);
            if (at >= 0)
            {
                References[at] += count;
                return;
            }
            _positions?.Add(name, Names.Count);
            Names.Add(name);
            References.Add(count);
            if (_positions is null && Names.Count > ScanUpTo)
            {
                _positions = new(StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < Names.Count; i++) _positions.Add(Names[i], i);
            }
        }

        private int Find(string name)
        {
            if (_positions is not null) return _positions.TryGetValue(name, out int at) ? at : -1;
            for (int i = 0; i < Names.Count; i++)
                if (Names[i].Equals(name, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }
    }
}
