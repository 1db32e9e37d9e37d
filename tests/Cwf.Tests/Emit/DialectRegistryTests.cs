using Cwf.Emit;

namespace Cwf.Tests.Emit;

/// <summary>The registry finds every dialect class by itself, by name and by alias, each name once.</summary>
public class DialectRegistryTests
{
    [Theory]
    [InlineData("BQ", "bigquery")]
    [InlineData("databricksWarehouse", "databricks")]
    [InlineData("postgresql", "postgres")]
    [InlineData(" PostGIS ", "postgres")]
    public void Finds_dialects_by_their_aliases(string name, string expected) =>
        Assert.Equal(expected, Dialects.Find(name)?.Name);

    public static TheoryData<string> Names => new(Dialects.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void Finds_each_dialect_by_its_name_and_aliases_ignoring_case_and_spaces(string name)
    {
        var dialect = Dialects.Find(name)!;
        Assert.Equal(name, dialect.Name);
        Assert.Same(dialect, Dialects.Find($" {name.ToUpperInvariant()} "));
        foreach (var alias in dialect.Aliases) Assert.Same(dialect, Dialects.Find(alias));
        // A name the command line takes as it is: lower case, one plain word.
        Assert.Matches("^[a-z][a-z0-9_]*$", name);
        Assert.False(string.IsNullOrWhiteSpace(dialect.DisplayName));
    }

    [Fact]
    public void Unknown_names_find_nothing() => Assert.Null(Dialects.Find("oracle"));

    [Fact]
    public void Holds_every_dialect_class_once_in_name_order()
    {
        var classes = typeof(Dialect).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Dialect)) && !t.IsAbstract).ToList();
        Assert.Equal(classes.Count, Dialects.All.Length);
        Assert.All(classes, c => Assert.Single(Dialects.All, d => d.GetType() == c));
        Assert.Equal(Dialects.Names.OrderBy(n => n, StringComparer.Ordinal), Dialects.Names);
        var allNames = Dialects.All.SelectMany(d => d.Aliases.Prepend(d.Name)).Select(n => n.ToLowerInvariant()).ToList();
        Assert.Equal(allNames.Count, allNames.Distinct().Count());
    }
}
