using System.Reflection;
using System.Runtime.CompilerServices;
using Cwf.Components;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Tests.Components;

/// <summary>The descriptors fit together: every .cwf step has one owner that binds it, and a broken descriptor fails the catalog.</summary>
public class ComponentCatalogTests
{
    private static readonly ComponentCatalog Catalog = ComponentCatalog.Default;

    [Fact]
    public void Every_step_syntax_of_the_grammar_is_bound_by_the_component_that_owns_its_keyword()
    {
        var syntaxes = typeof(StepSyntax).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(StepSyntax)) && !t.IsAbstract && t != typeof(GenericStepSyntax)).ToList();
        Assert.Equal(27, syntaxes.Count);
        foreach (var type in syntaxes)
        {
            var keyword = ((StepSyntax)RuntimeHelpers.GetUninitializedObject(type)).Keyword;
            var owner = Catalog.StepOwner(keyword);
            Assert.True(owner is not null, $"no component owns '{keyword}' ({type.Name})");
            Assert.True(Overrides(owner, nameof(StepComponent.Bind)), $"{owner.Id} owns '{keyword}' but does not bind it");
        }
        foreach (var keyword in Cwf.Syntax.Internal.TokenFacts.StepKeywords.Where(k => k is not ("inner" or "left" or "right" or "full" or "limit")))
            Assert.NotNull(Catalog.StepOwner(keyword));
    }

    [Fact]
    public void Components_with_two_results_build_both_and_the_others_own_their_keywords_alone()
    {
        foreach (var component in Catalog.All.OfType<StepComponent>())
        {
            Assert.Equal(component.Keywords.Count > 0, Overrides(component, nameof(StepComponent.Bind)));
            Assert.Equal(Overrides(component, nameof(StepComponent.HasTwoResults)), Overrides(component, nameof(StepComponent.BindBranches)));
            foreach (var keyword in component.Keywords) Assert.Same(component, Catalog.StepOwner(keyword));
        }
        Assert.Equal(["native.spatialfilter", "native.where"],
            Catalog.All.Where(c => c is not GenericStepComponent && Overrides(c, nameof(StepComponent.BindBranches))).Select(c => c.Id).Order());
        // A step in the generic form has two results when it has a filter's two outputs.
        Assert.Equal(["native.geocode"], Catalog.All.OfType<GenericStepComponent>().Where(c => c.Outputs.Count == 2).Select(c => c.Id));
    }

    [Fact]
    public void The_catalog_is_ordered_by_category_then_id_and_every_component_is_documented()
    {
        Assert.Equal(Catalog.All.OrderBy(c => c.Category).ThenBy(c => c.Id, StringComparer.Ordinal), Catalog.All);
        Assert.All(Catalog.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Doc.Cwf + c.Doc.Ir + c.Doc.Output)));
        Assert.Equal(["native.tablefromgeojson", "native.bboxfromvalues", "native.geogfromstatictext", "native.pointfromstaticlatlon", "native.importurl", "ReadTable"],
            Catalog.All.OfType<SourceComponent>().Select(c => c.Id));
        Assert.Equal(["native.saveastable"], Catalog.All.OfType<SinkComponent>().Select(c => c.Id));
        Assert.Equal(Catalog.All.Length - 7, Catalog.All.OfType<StepComponent>().Count());
    }

    [Fact]
    public void A_generic_component_adds_its_keyword_to_the_parser_vocabulary()
    {
        Assert.DoesNotContain("scale", Catalog.Steps.Keywords);
        var extended = Catalog.With(new ScaleComponent());
        Assert.Equal(Catalog.Steps.Keywords.Append("scale").Order(StringComparer.Ordinal), extended.Steps.Keywords);
        Assert.IsType<ScaleComponent>(extended.StepOwner("SCALE"));
        Assert.IsType<ScaleComponent>(extended.Find("test.scale"));
        Assert.Null(Catalog.Find("test.scale"));
    }

    public static TheoryData<Component, string> Broken() => new()
    {
        { new Renamed(new ScaleComponent(), id: "native.buffer"), "Two components have the id 'native.buffer'" },
        { new Renamed(new ScaleComponent(), keyword: "scale"), "The step keyword 'scale' belongs to both test.broken and test.scale" },
        { new Renamed(new ScaleComponent(), keyword: "Scale it"), "the keyword 'Scale it' must be a lower-case name that is no word of the grammar" },
        { new Renamed(new ScaleComponent(), keyword: "point"), "the keyword 'point' must be a lower-case name that is no word of the grammar" },
        { new Renamed(new ScaleComponent(), arguments: ["column", "nothing"]), "the argument 'nothing' is no parameter or table input" },
        { new Renamed(new ScaleComponent(), parent: "elsewhere"), "the parent 'elsewhere' of 'column' is not a table input" },
        { new Renamed(new ScaleComponent(), doc: new("", "", "")), "its documentation line is incomplete" },
        { new Renamed(new ScaleComponent(), keyword: "filter"), "the keyword 'filter' must be a lower-case name that is no word of the grammar" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_descriptor_fails_the_catalog_with_a_message_that_names_it(Component broken, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Catalog.With(new ScaleComponent(), broken));
        Assert.Contains(message, e.Message);
    }

    private static bool Overrides(Component component, string method) =>
        component.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == method)
            .Any(m => m.DeclaringType != typeof(StepComponent));

    /// <summary>A scale component with one part of its descriptor broken.</summary>
    public sealed class Renamed(GenericStepComponent inner, string? id = null, string? keyword = null, Seq<string>? arguments = null,
        string? parent = null, ComponentDoc? doc = null) : GenericStepComponent
    {
        public override string Id => id ?? "test.broken";
        public override string Title => inner.Title;
        public override ComponentCategory Category => inner.Category;
        public override Seq<ComponentParameter> Parameters =>
            parent is null ? inner.Parameters : inner.Parameters.SetItem(0, inner.Parameters[0] with { Parent = parent });
        public override GenericStepForm Form => new(keyword ?? "broken", arguments ?? inner.Form.Arguments, inner.Form.NamesColumn);
        public override ComponentDoc Doc => doc ?? inner.Doc;
        public override void Build(ComponentLoweringContext cx) => inner.Build(cx);
        public override string ToString() => $"{Id} ({Form.Keyword})";
    }
}
