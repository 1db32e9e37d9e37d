using Cwf.Binding;
using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Formatting;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Text;

namespace Cwf.Tests.Components;

/// <summary>What every test of a column-adding component checks: the round trip through .cwf, and every dialect's SQL or its precise CWF6002.</summary>
internal static class ComponentStepAssert
{
    /// <summary>
    /// The imported canvas node added <paramref name="column"/> (<c>name = expression</c>), decompiles to
    /// <paramref name="step"/> in canonical format, and that .cwf builds the same IR.
    /// </summary>
    public static void RoundTrips(CanvasImportResult imported, string step, string column)
    {
        Assert.False(imported.HasErrors, CanvasTestKit.Describe(imported.Diagnostics));
        var project = Assert.Single(imported.Workflow!.Nodes.OfType<ProjectNode>());
        var (name, expr) = (column[..column.IndexOf(" = ", StringComparison.Ordinal)], column[(column.IndexOf(" = ", StringComparison.Ordinal) + 3)..]);
        Assert.Equal(name, project.Columns[^1].Name);
        Assert.Equal(expr, project.Columns[^1].Expr.ToString());

        CanvasTestKit.AssertRoundTrip(imported, step);
    }

    /// <summary>
    /// Every dialect compiles the workflow, or fails with one CWF6002 that names the warehouse and has a hint;
    /// <paramref name="mayLack"/> says which dialects may fail (all by default).
    /// </summary>
    public static void CompilesOrNamesWhatItLacks(Workflow workflow, Func<Dialect, bool>? mayLack = null)
    {
        foreach (var dialect in Dialects.All)
        {
            var result = Compiler.Compile(workflow, new CompileOptions(dialect));
            var errors = result.Diagnostics.Where(d => d.IsError).ToList();
            if (errors.Count == 0)
            {
                Assert.NotNull(result.Sql);
                continue;
            }
            Assert.True(mayLack?.Invoke(dialect) ?? true, $"{dialect.Name}: {CanvasTestKit.Describe(errors)}");
            var error = Assert.Single(errors);
            Assert.Equal(DiagnosticCodes.FunctionNotSupported, error.Descriptor);
            Assert.Contains(dialect.DisplayName.Split('/')[0].Split(' ')[^1], error.Message + string.Join(" ", error.Hints));
            Assert.NotEmpty(error.Hints);
        }
    }
}
