using Cwf.Diagnostics.Formatters;
using Cwf.Formatting;
using Cwf.Ir;
using Cwf.Tests.Snapshots;
using Cwf.Text;

namespace Cwf.Tests.Binding;

/// <summary>Reviewable snapshots: the IR of every example, and the rendering of a program full of mistakes.</summary>
public class ExampleSnapshotTests
{
    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(Compilation.ExamplesDirectory, "*.cwf").Select(Path.GetFileNameWithoutExtension).Order()!];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_ir(string name)
    {
        var text = File.ReadAllText(Path.Combine(Compilation.ExamplesDirectory, name + ".cwf"));
        var workflow = Compilation.Ok(text, Compilation.ExampleCatalog(name));
        Snapshot.Match(IrPrinter.Print(workflow, withSchemas: true), "example_" + name, "ir");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Examples_are_in_canonical_format(string name)
    {
        var text = File.ReadAllText(Path.Combine(Compilation.ExamplesDirectory, name + ".cwf")).ReplaceLineEndings("\n");
        Assert.Equal(text, CwfFormatter.Format(text));
    }

    [Fact]
    public void Diagnostics_of_a_program_with_mistakes()
    {
        const string program = """
            workflow "Mistakes"
            param min_revenue: float64 = 1000000
            param n: float64 = 10
            source stores = table "retail.stores" { store_id: int64, name: string, revenue: float64, geom: geography }
            source blocks = table "census.blocks" { block_id: int64, pop: int64, geom: geography }
            let big = stores
              | filter revnue >= min_revenue
              | buffer geom by 2 km
            let reach = big
              | spatial_join blocks on intersects(geom, blocks.geom)
              | group by store_id { population: sum(blocks.pop) }
              | sort population desc
              | take n
            lett oops = stores | derive x = name + 1
            let labels = stores | derive label = case when revenue > 1 then 'big' else 0 end
            output reach -> table "out.reach"
            output labels -> table "out.reach" mode appendd
            """;
        var result = Compilation.Compile(program, path: "mistakes.cwf");
        var rendered = TextDiagnosticFormatter.Format(result.Diagnostics) + DiagnosticFormatter.Summary(result.Diagnostics) + "\n";
        Snapshot.Match(rendered, "mistakes", "txt");
    }
}
