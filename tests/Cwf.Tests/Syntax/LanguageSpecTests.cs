using System.Text.RegularExpressions;
using Cwf.Binding;
using Cwf.Syntax;
using Cwf.Text;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Syntax;

/// <summary>spec/language.md stays true: its examples parse, it names every function and step.</summary>
public partial class LanguageSpecTests
{
    private static string Spec => File.ReadAllText(Path.Combine(ExamplesDirectory, "..", "spec", "language.md"));

    [Fact]
    public void Every_example_parses()
    {
        var blocks = Example().Matches(Spec).Select(m => m.Groups["text"].Value).ToList();
        Assert.True(blocks.Count >= 20);
        foreach (var block in blocks)
        {
            var result = CwfParser.ParseProgram(SourceText.From(block), Cwf.Components.ComponentCatalog.Default.Steps);
            Assert.True(result.Diagnostics.IsEmpty, block + "\n" + string.Join("\n", result.Diagnostics));
        }
    }

    [Fact]
    public void The_first_example_compiles_with_a_catalog()
    {
        var first = Example().Match(Spec).Groups["text"].Value;
        var catalog = Binding.Compilation.Catalog("""{"tables":[{"name":"analytics.census.blocks","columns":[{"name":"pop","type":"int64"},{"name":"geom","type":"geography"}]}]}""");
        Ok(first, catalog);
    }

    [Fact]
    public void Every_function_name_and_step_is_documented()
    {
        var spec = Spec;
        var missing = FunctionCatalog.AllNames.Where(n => !spec.Contains($"`{n}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "spec/language.md does not name: " + string.Join(", ", missing));
        foreach (var step in Cwf.Syntax.Internal.TokenFacts.StepKeywords.Concat(Cwf.Components.ComponentCatalog.Default.Steps.Keywords))
            Assert.Contains(step, spec);
    }

    [GeneratedRegex(@"```cwf\n(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
