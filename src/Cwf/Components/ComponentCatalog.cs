using System.Collections.Frozen;
using System.Collections.Immutable;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>
/// Every component cwf understands, by canvas id, and the owner of every .cwf step keyword.
/// <see cref="Default"/> holds the components of this assembly, found by their type (one file each under
/// Components/Library: adding a file adds the component); <see cref="With"/> adds others (tests do).
/// The constructor checks that the descriptors fit together, so a broken one fails every test at once.
/// </summary>
public sealed class ComponentCatalog
{
    // Option lists that several components share (contract section 5).
    public static Seq<string> SpatialPredicates { get; } = ["intersects", "contains", "within", "covers", "touches"];
    public static Seq<string> LengthUnits { get; } = ["Meters", "Kilometers", "Miles"];
    public static Seq<string> AggregationMethods { get; } = ["sum", "avg", "min", "max", "count", "count_distinct", "combine", "convexhull", "centroid"];

    public static ComponentCatalog Default { get; } = new(Discover());

    private readonly FrozenDictionary<string, Component> _byId;
    private readonly FrozenDictionary<string, StepComponent> _byKeyword;

    private ComponentCatalog(IEnumerable<Component> components)
    {
        All = [.. components.OrderBy(c => c.Category).ThenBy(c => c.Id, StringComparer.Ordinal)];
        var byId = new Dictionary<string, Component>(StringComparer.Ordinal);
        var byKeyword = new Dictionary<string, StepComponent>(StringComparer.OrdinalIgnoreCase);
        foreach (var component in All)
        {
            if (!byId.TryAdd(component.Id, component))
                throw new InvalidOperationException($"Two components have the id '{component.Id}'.");
            ComponentChecks.Validate(component);
            foreach (var keyword in (component as StepComponent)?.Keywords ?? [])
                if (!byKeyword.TryAdd(keyword, (StepComponent)component))
                    throw new InvalidOperationException($"The step keyword '{keyword}' belongs to both {byKeyword[keyword].Id} and {component.Id}.");
        }
        _byId = byId.Where(c => c.Value.HasCanvasForm).ToFrozenDictionary(StringComparer.Ordinal);
        _byKeyword = byKeyword.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Steps = new StepVocabulary(All.OfType<GenericStepComponent>().Select(c => c.Form.Keyword));
    }

    /// <summary>Every component, by category, then by id.</summary>
    public ImmutableArray<Component> All { get; }

    /// <summary>The keywords of the steps written in the generic form, for the parser.</summary>
    public StepVocabulary Steps { get; }

    /// <summary>The component a canvas node names (<see cref="Component.HasCanvasForm"/>), or null.</summary>
    public Component? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The component that binds steps written with <paramref name="keyword"/> (<see cref="StepSyntax.Keyword"/>), or null.</summary>
    public StepComponent? StepOwner(string keyword) => _byKeyword.GetValueOrDefault(keyword);

    /// <summary>This catalog and <paramref name="extra"/> components.</summary>
    public ComponentCatalog With(params Component[] extra) => new(All.Concat(extra));

    private static IEnumerable<Component> Discover() =>
        typeof(Component).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.IsSubclassOf(typeof(Component)))
            .Select(t => (Component)Activator.CreateInstance(t)!);
}
