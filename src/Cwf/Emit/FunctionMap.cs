using System.Collections.Frozen;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// A dialect's translation of the IR's portable functions: immutable, built from a shared
/// standard map with the dialect's entries on top. A test checks that every dialect maps every
/// function of <see cref="Ir.Functions.All"/> (or says why it cannot).
/// </summary>
public sealed class FunctionMap
{
    private readonly FrozenDictionary<string, FunctionMapping> _byName;

    private FunctionMap(FrozenDictionary<string, FunctionMapping> byName) => _byName = byName;

    public static FunctionMap Empty { get; } = new(FrozenDictionary<string, FunctionMapping>.Empty);

    public FunctionMapping? Find(BuiltinFunction function) => _byName.GetValueOrDefault(function.Name);

    /// <summary>A copy with these entries added or replaced.</summary>
    public FunctionMap With(params (BuiltinFunction Function, FunctionMapping Mapping)[] entries)
    {
        var map = new Dictionary<string, FunctionMapping>(_byName);
        foreach (var (function, mapping) in entries)
        {
            foreach (var templates in (ReadOnlySpan<System.Collections.Immutable.ImmutableArray<SqlTemplate>>)[mapping.Templates, mapping.TimestampTemplates])
                for (int i = 0; i < templates.Length; i++)
                    if (templates[i].Arity > function.MinArgs + i)
                        throw new InvalidOperationException($"Template '{templates[i]}' of {function.Name} uses more arguments than a call with {function.MinArgs + i} has.");
            map[function.Name] = mapping;
        }
        return new FunctionMap(map.ToFrozenDictionary());
    }

    /// <summary>
    /// A copy in which the results of <paramref name="functions"/>, as mapped so far, are cast to their
    /// IR type (<see cref="FunctionMapping.CastResult"/>): the warehouse returns another type, an INT for a bigint.
    /// </summary>
    public FunctionMap WithCastResult(params BuiltinFunction[] functions) =>
        With([.. functions.Select(f => (f, (Find(f) ?? throw new InvalidOperationException($"{f.Name} is not mapped yet.")) with { CastResult = true }))]);

    /// <summary>A copy in which every mapped function matching <paramref name="predicate"/> carries <paramref name="note"/>.</summary>
    public FunctionMap WithNote(Func<BuiltinFunction, bool> predicate, FunctionNote note) =>
        new(_byName.ToFrozenDictionary(
            kv => kv.Key,
            kv => Functions.Find(kv.Key) is { } f && predicate(f) && kv.Value.IsAvailable ? kv.Value.WithNote(note) : kv.Value));
}
