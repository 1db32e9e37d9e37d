using System.Text.RegularExpressions;
using Cwf.Diagnostics;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Syntax;

/// <summary>spec/diagnostics.md documents every code, and each .cwf example there produces its code.</summary>
public partial class DiagnosticsSpecTests
{
    private static string Spec => File.ReadAllText(Path.Combine(ExamplesDirectory, "..", "spec", "diagnostics.md"));

    private static Dictionary<string, string> Sections()
    {
        var matches = Heading().Matches(Spec);
        var sections = new Dictionary<string, string>();
        for (int i = 0; i < matches.Count; i++)
        {
            int end = i + 1 < matches.Count ? matches[i + 1].Index : Spec.Length;
            sections[matches[i].Groups["code"].Value] = Spec[matches[i].Index..end];
        }
        return sections;
    }

    [Fact]
    public void Every_code_has_a_section_with_its_title_and_severity()
    {
        var sections = Sections();
        var missing = DiagnosticCodes.All.Where(d => !sections.ContainsKey(d.Code)).Select(d => $"{d.Code}: {d.Title}").ToList();
        Assert.True(missing.Count == 0, "add a section to spec/diagnostics.md for: " + string.Join(", ", missing));
        foreach (var d in DiagnosticCodes.All)
            Assert.StartsWith($"### {d.Code}: {d.Title} ({d.DefaultSeverity.ToString().ToLowerInvariant()})", sections[d.Code]);
        var unknown = sections.Keys.Where(code => DiagnosticCodes.Find(code) is null).ToList();
        Assert.True(unknown.Count == 0, "spec/diagnostics.md documents codes that do not exist: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_cwf_example_produces_its_code()
    {
        int examples = 0;
        foreach (var (code, section) in Sections())
        {
            var example = Example().Match(section);
            if (!example.Success) continue;
            examples++;
            // The whole front end, as every command runs it (it adds the checks of a whole workflow, such as CWF4002).
            var result = Cwf.Driver.FrontEnd.Load(Cwf.Text.SourceText.From(example.Groups["text"].Value, "example.cwf"), Cwf.Catalog.SchemaCatalog.Empty);
            Assert.True(result.Diagnostics.Any(d => d.Code == code),
                $"{code}: the example gives {string.Join(", ", result.Diagnostics.Select(d => d.Code))}\n{example.Groups["text"].Value}");
        }
        Assert.True(examples >= 60, $"only {examples} examples were found");
    }

    [GeneratedRegex(@"^### (?<code>CWF\d{4}):", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"```cwf\n(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
