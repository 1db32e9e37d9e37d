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
/// <para>
/// A crossing every conjunct makes (nearly all, on such a chain) is recorded once, in a log the
/// conjuncts share, not on each; and the working lists of a crossing and of a write are kept and
/// cleared for the next one: a filter crosses thousands of projections and allocates little at each.
/// </para>
/// </summary>
internal sealed class ConjunctSet
{
    private readonly List<Entry?> _items = [];
    private readonly Dictionary<string, HashSet<int>> _byColumn = new(StringComparer.OrdinalIgnoreCase);
    // Composed definitions, one node per sequence of crossings read from the latest back (see Write).
    private Composition? _composed;
    private int _count;
    // The crossings every conjunct in the set made, oldest first; each entry made those from its SharedFrom on.
    private readonly List<Crossing> _shared = [];
    private readonly Tally _tally = new();
    // What the last conjunct added reads: filters met on a chain often read the same columns as often, and share it.
    private ColumnUses? _added;
    // Made by the first crossing that rewrites a conjunct (most sets of a pass never cross one).
    private Scratch? _scratch;
    private Func<ColumnRef, Expr?>? _readComposed;

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
        var (uses, nodes) = ColumnUses.Of(conjunct, _tally, _added);
        _added = uses;
        Append(new Entry(conjunct, uses, nodes, _shared.Count));
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

    /// <summary>The indexes of the conjuncts that read any of the columns the crossing changes, in order (in the set's working list).</summary>
    private List<int> Reading(Crossing crossing)
    {
        var result = Work.Reading;
        result.Clear();
        for (int i = 0; i < crossing.Count; i++)
            if (crossing.IsChangingAt(i) && _byColumn.TryGetValue(crossing.NameAt(i), out var set)) result.AddRange(set);
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
        var crossing = new Crossing(definitions, Work.DefinitionTally);
        var reading = Reading(crossing);
        var moving = Work.Moving;
        moving.Clear();
        HashSet<string>? boundary = null;
        bool allMove = reading.Count == _count;
        for (int i = 0; i < reading.Count; i++)
        {
            var entry = EntryAt(reading[i]);
            // Every column a rewritten conjunct reads is replaced, so it is rewritten only when all may be.
            var (after, growth) = AllSubstitutable(entry.Uses.Names, crossing) ? crossing.Through(entry.Uses, _tally) : ((ColumnUses?)null, 0L);
            if (after is not null && !SubstitutionBound.Allows(entry.Nodes, entry.Nodes + growth))
            {
                foreach (var name in entry.Uses.Names)
                    if (crossing.IsChanging(name)) (boundary ??= new(StringComparer.OrdinalIgnoreCase)).Add(name);
            }
            allMove &= after is not null;
            moving.Add((reading[i], after, entry.Nodes + growth));
        }
        // When every conjunct moves on (a chain redefining the column they all read), each keeps its
        // place: that is the order removing and appending them all gives, and neither the list nor the
        // index grows at every crossing. The crossing goes in the shared log, once for all of them.
        allMove &= boundary is null;
        if (allMove) _shared.Add(crossing);
        List<Expr>? stuck = null;
        foreach (var (index, after, nodes) in moving)
        {
            var entry = EntryAt(index);
            if (allMove)
            {
                if (!ReferenceEquals(entry.Uses, after) && !SameNames(entry.Uses.Names, after!.Names))
                {
                    Unindex(index, entry.Uses.Names);
                    Index(index, after.Names);
                }
                entry.Moved(after!, nodes);
                continue;
            }
            bool atBoundary = boundary is not null && ReadsAny(entry.Uses.Names, boundary);
            RemoveAt(index);
            if (after is not null && !atBoundary) Append(Crossed(entry, crossing, after, nodes));
            else (stuck ??= []).Add(Write(entry));
        }
        return stuck ?? NoneStuck;
    }

    // A conjunct making a crossing the others do not: the shared crossings it made go on its own list first, in order.
    private Entry Crossed(Entry entry, Crossing crossing, ColumnUses after, long nodes)
    {
        var pending = entry.Pending;
        for (int i = entry.SharedFrom; i < _shared.Count; i++) pending = new PendingCrossing(_shared[i], pending);
        entry.Crossed(new PendingCrossing(crossing, pending), _shared.Count, after, nodes);
        return entry;
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
        {
            var d = definitions[i];
            if (IsChanging(d) && _byColumn.TryGetValue(d.Name, out var readers) && readers.Count > 0) return true;
        }
        return false;
    }

    /// <summary>Whether the output is anything but the input's column of the same name.</summary>
    private static bool IsChanging((string Name, Expr? Definition) d) =>
        d.Definition is not ColumnRef { Input: 0 } r || !r.Name.Equals(d.Name, StringComparison.OrdinalIgnoreCase);

    // The conjunct with its pending crossings substituted in; kept, so it is written once.
    private Expr Write(Entry entry)
    {
        if (entry.Pending is null && entry.SharedFrom == _shared.Count) return entry.Written;
        // The composition for a conjunct's crossings is found from the latest one back, so
        // conjuncts that made the same last crossings share it (a conjunct absorbed lower down made fewer).
        // Its latest crossings are the shared ones, its own list the earlier ones.
        var path = Work.Path;
        path.Clear();
        var node = _composed ??= new(null);
        for (int i = _shared.Count - 1; i >= entry.SharedFrom; i--)
            path.Add(node = node.Then(_shared[i]));
        for (var step = entry.Pending; step is not null; step = step.Earlier)
            path.Add(node = node.Then(step.Crossing));
        var written = Predicates.Substitute(entry.Written, _readComposed ??= r => Composed(Work.Path.Count - 1, r.Name));
        entry.Rewritten(written, _shared.Count);
        return written;
    }

    // The definition of a column read above crossing path[level], with every later crossing
    // (path[level - 1] down to path[0], the write's path) substituted in. A loop over pending work, not recursion:
    // a conjunct may have crossed thousands of renames.
    private Expr Composed(int level, string name)
    {
        var path = Work.Path;
        if (path[level].Definitions.TryGetValue(name, out var known)) return known;
        var work = Work.Pending;
        work.Clear();
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
            node.Definitions[top.Name] = Predicates.Substitute(definition, later.Read);
            work.Pop();
        }
        return path[level].Definitions[name];
    }

    private Scratch Work => _scratch ??= new();

    /// <summary>
    /// Working lists, cleared by each use and used by one operation at a time (none of their users
    /// calls another): what one crossing reads and moves, one write's sequence of compositions and
    /// pending work.
    /// </summary>
    private sealed class Scratch
    {
        public List<int> Reading { get; } = [];
        public List<(int Index, ColumnUses? After, long Nodes)> Moving { get; } = [];
        public List<Composition> Path { get; } = [];
        public Stack<(int Level, string Name)> Pending { get; } = new();
        // A crossing counts what a definition reads while the set's tally holds a conjunct's counts (see ColumnUses.Through).
        public Tally DefinitionTally { get; } = new();
    }

    /// <summary>A conjunct: its expression as last written, the crossings made since, and what its current form reads.</summary>
    private sealed class Entry(Expr written, ColumnUses uses, long nodes, int sharedFrom)
    {
        public Expr Written { get; private set; } = written;

        /// <summary>The crossings not yet written in made apart from the others, the latest first (all before the shared ones).</summary>
        public PendingCrossing? Pending { get; private set; }

        /// <summary>Where in the set's shared log the crossings it made with every other conjunct begin.</summary>
        public int SharedFrom { get; private set; } = sharedFrom;

        public ColumnUses Uses { get; private set; } = uses;

        /// <summary>The node count of its current form.</summary>
        public long Nodes { get; private set; } = nodes;

        /// <summary>Moved through a crossing recorded in the shared log.</summary>
        public void Moved(ColumnUses after, long nodes)
        {
            Uses = after;
            Nodes = nodes;
        }

        public void Crossed(PendingCrossing pending, int sharedFrom, ColumnUses after, long nodes)
        {
            Pending = pending;
            SharedFrom = sharedFrom;
            Moved(after, nodes);
        }

        public void Rewritten(Expr written, int sharedFrom)
        {
            Written = written;
            Pending = null;
            SharedFrom = sharedFrom;
        }
    }

    private sealed record PendingCrossing(Crossing Crossing, PendingCrossing? Earlier);

    /// <summary>
    /// Definitions composed over a sequence of crossings: <see cref="Crossing"/> and then, through
    /// the node it was reached from, every later one. The root (no crossing) is the identity.
    /// </summary>
    private sealed class Composition(Crossing? crossing)
    {
        // Most nodes are reached from one earlier crossing only (conjuncts travelling together): a table only from the second.
        private Composition? _firstEarlier;
        private Dictionary<Crossing, Composition>? _earlier;
        private Func<ColumnRef, Expr?>? _read;

        public Crossing? Crossing { get; } = crossing;

        /// <summary>Column name → its definition at <see cref="Crossing"/> with the later crossings substituted in.</summary>
        public Dictionary<string, Expr> Definitions { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>A reference's composed definition (made once per node, not per definition substituted).</summary>
        public Func<ColumnRef, Expr?> Read => _read ??= r => Definitions[r.Name];

        /// <summary>The node for <paramref name="earlier"/> followed by this node's sequence.</summary>
        public Composition Then(Crossing earlier)
        {
            if (_firstEarlier is null) return _firstEarlier = new Composition(earlier);
            if (ReferenceEquals(_firstEarlier.Crossing, earlier)) return _firstEarlier;
            _earlier ??= [];
            if (!_earlier.TryGetValue(earlier, out var node)) _earlier[earlier] = node = new Composition(earlier);
            return node;
        }
    }

    /// <summary>One projection or grouping crossed: its definitions and what each costs, found once per crossing.</summary>
    private sealed class Crossing
    {
        // Up to this many outputs a name is found by comparing them in order: a table per crossing
        // (a filter on a chain makes one every few steps) costs more than the few comparisons it saves.
        private const int SearchedInPlace = 8;

        private readonly IReadOnlyList<(string Name, Expr? Definition)> _definitions;
        // By position of the first output of each name: what is learnt about it; the other positions are unused.
        private readonly Output[] _outputs;
        private readonly Dictionary<string, int>? _positions;
        private readonly Tally _tally;
        // Conjuncts that read the same columns the same number of times share what they read after the crossing
        // (the first uses asked for in place: on a chain they are often the only ones; a table from the second).
        private ColumnUses? _firstUses;
        private (ColumnUses After, long Growth) _firstThrough;
        private Dictionary<ColumnUses, (ColumnUses After, long Growth)>? _through;

        /// <param name="tally">Where the crossing counts what a definition reads; not the tally a conjunct's counts are in meanwhile.</param>
        public Crossing(IReadOnlyList<(string Name, Expr? Definition)> definitions, Tally tally)
        {
            _definitions = definitions;
            _tally = tally;
            _outputs = new Output[definitions.Count];
            if (definitions.Count > SearchedInPlace) _positions = new(definitions.Count, StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < definitions.Count; i++)
            {
                var d = definitions[i];
                int first = _positions is null ? Find(d.Name) : _positions.TryAdd(d.Name, i) ? i : _positions[d.Name];
                if (first == i) _outputs[i].Definition = d.Definition;
                // A name is changing when any output of that name is (as a set of the changing names would say).
                if (ConjunctSet.IsChanging(d)) _outputs[first].Changing = true;
                _outputs[i].Listed = first == i;
            }
        }

        public int Count => _definitions.Count;

        public string NameAt(int index) => _definitions[index].Name;

        /// <summary>Whether the output at the position is the first of its name and that name is not the input's column of the same name.</summary>
        public bool IsChangingAt(int index) => _outputs[index].Listed && _outputs[index].Changing;

        /// <summary>Whether the crossing has an output of that name that is not the input's column of the same name.</summary>
        public bool IsChanging(string name) => Find(name) is >= 0 and var at && _outputs[at].Changing;

        public bool Substitutable(string name)
        {
            int at = Find(name);
            if (at < 0) return false;
            ref var output = ref _outputs[at];
            return output.Cheap ??= output.Definition is { } e && Predicates.IsCheap(e);
        }

        public Expr Definition(string name) => Find(name) is >= 0 and var at ? _outputs[at].Definition! : throw Missing(name);

        public (ColumnUses Uses, long Nodes) UsesOf(string name)
        {
            int at = Find(name);
            if (at < 0) throw Missing(name);
            ref var output = ref _outputs[at];
            if (output.Uses is null) (output.Uses, output.Nodes) = ColumnUses.Of(output.Definition!, _tally, null);
            return (output.Uses, output.Nodes);
        }

        /// <summary>
        /// What an expression reading <paramref name="uses"/> reads after every column reference
        /// is replaced by its definition here, and how many nodes that adds.
        /// </summary>
        public (ColumnUses After, long Growth) Through(ColumnUses uses, Tally tally)
        {
            if (_firstUses is null)
            {
                _firstUses = uses;
                return _firstThrough = uses.Through(this, tally);
            }
            if (ColumnUses.Comparer.Equals(_firstUses, uses)) return _firstThrough;
            _through ??= new(ColumnUses.Comparer);
            if (_through.TryGetValue(uses, out var known)) return known;
            return _through[uses] = uses.Through(this, tally);
        }

        // The position of the first output of that name, or -1.
        private int Find(string name)
        {
            if (_positions is not null) return _positions.TryGetValue(name, out int at) ? at : -1;
            for (int i = 0; i < _definitions.Count; i++)
                if (_definitions[i].Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }

        private static KeyNotFoundException Missing(string name) => new($"The crossing defines no column '{name}'.");

        // An output's definition (null: not substitutable, such as an aggregate), whether its name is changing,
        // and once asked, whether it is cheap and what it reads.
        private struct Output
        {
            public Expr? Definition;
            public bool Listed;
            public bool Changing;
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

        /// <param name="tally">A working tally, cleared here (what it held before is lost).</param>
        /// <param name="same">Returned instead of new uses when it holds the same counts.</param>
        public static (ColumnUses Uses, long Nodes) Of(Expr e, Tally tally, ColumnUses? same)
        {
            tally.Clear();
            long nodes = 0;
            using var walk = new ExprNodes(e);
            while (walk.Next(out var node))
            {
                nodes++;
                if (node is ColumnRef c) tally.Add(c.Name, 1);
            }
            return (same is not null && same.Holds(tally) ? same : new ColumnUses(tally), nodes);
        }

        /// <summary>
        /// The uses after every column reference is replaced by its definition at <paramref name="crossing"/>, and the nodes that adds;
        /// this instance when they are the same (a column redefined over itself, <c>w := w + 1</c>).
        /// </summary>
        public (ColumnUses After, long Growth) Through(Crossing crossing, Tally tally)
        {
            tally.Clear();
            long growth = 0;
            for (int i = 0; i < Names.Length; i++)
            {
                var (definition, nodes) = crossing.UsesOf(Names[i]);
                growth += _references[i] * (nodes - 1);
                for (int j = 0; j < definition.Names.Length; j++)
                    tally.Add(definition.Names[j], _references[i] * definition._references[j]);
            }
            return (Holds(tally) ? this : new ColumnUses(tally), growth);
        }

        // Whether the tally counts the same names in the same order the same number of times.
        private bool Holds(Tally tally)
        {
            if (tally.Names.Count != Names.Length) return false;
            for (int i = 0; i < Names.Length; i++)
                if (tally.References[i] != _references[i] || !tally.Names[i].Equals(Names[i], StringComparison.Ordinal)) return false;
            return true;
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

    /// <summary>
    /// References counted per column name, in the order first met; a position index only once there are many names.
    /// One tally is cleared and filled again for every expression counted (see <see cref="ColumnUses"/>).
    /// </summary>
    private sealed class Tally
    {
        private const int ScanUpTo = 16;
        private Dictionary<string, int>? _positions;

        public List<string> Names { get; } = [];

        public List<long> References { get; } = [];

        public void Clear()
        {
            Names.Clear();
            References.Clear();
            _positions = null;
        }

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
