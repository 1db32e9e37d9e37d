using Cwf.Binding;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Tests.Canvas;

/// <summary>
/// Compiling .cwf text as the component and canvas tests do: the file <c>t.cwf</c> (so the workflow is named
/// <c>t</c>), no catalog, the default components.
/// </summary>
internal static class CwfTestKit
{
    public static CompileResult Compile(string text) => Cwf.Tests.Binding.Compilation.Compile(text, path: "t.cwf");

    /// <summary>The workflow of <paramref name="text"/>, which must compile without errors (warnings are allowed).</summary>
    public static Workflow Bind(string text)
    {
        var result = Compile(text);
        Assert.False(result.HasErrors, CanvasTestKit.Describe(result.Diagnostics));
        return result.Workflow!;
    }

    /// <summary>A program that reads table <c>src.t</c> of <paramref name="columns"/> (<c>name: type, ...</c>) and writes it through <paramref name="steps"/> to <paramref name="output"/>.</summary>
    public static string Pipeline(string columns, string steps, string output = "o.t") =>
        "source t = table \"src.t\" { " + columns + " }\noutput t | " + steps + " -> table \"" + output + "\"\n";

    /// <summary>
    /// The one error of <paramref name="text"/>: at <paramref name="expected"/> (<c>line:column CODE</c>), its
    /// message containing <paramref name="message"/>.
    /// </summary>
    public static Diagnostic AssertSingleError(string text, string expected, string message)
    {
        var error = Assert.Single(Compile(text).Diagnostics, d => d.IsError);
        Assert.Equal(expected, $"{Cwf.Tests.Binding.Compilation.Position(error)} {error.Code}");
        Assert.Contains(message, error.Message);
        return error;
    }
}
