using Cwf.Catalog;
using Cwf.Cli.CommandLine;
using Cwf.Cli.Commands;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Text;

using Cwf.Tests.Security.Lexers;

namespace Cwf.Tests.Security;

/// <summary>What compiling one input for one dialect and mode gave: SQL, a refusal with diagnostics, or a crash.</summary>
internal sealed record InjectionOutcome(string? Sql, string? Refusal, string? Crash)
{
    public static InjectionOutcome Emitted(string sql) => new(sql, null, null);
    public static InjectionOutcome Refused(string why) => new(null, why, null);
    public static InjectionOutcome Crashed(string what) => new(null, null, what);
}

/// <summary>
/// Compiles an input the way <c>cwf compile</c> does (front end, --param overrides, optimizer,
/// emitter) for every registered dialect that has an independent lexer and every mode it supports,
/// catching what a crash would be.
/// </summary>
internal static class InjectionCompiler
{
    /// <summary>Every (dialect, mode) pair the registry offers: procedures only where the dialect has them.</summary>
    public static IEnumerable<(Dialect Dialect, EmitMode Mode)> Targets() =>
        from dialect in WarehouseLexers.Checked
        from mode in Enum.GetValues<EmitMode>()
        where mode != EmitMode.Procedure || dialect.Capabilities.StoredProcedures
        select (dialect, mode);

    /// <summary>The input's workflow after the front end and --param, or why there is none.</summary>
    public static (Workflow? Workflow, InjectionOutcome? Failure) Load(InjectionInput input)
    {
        try
        {
            var catalog = SchemaCatalog.Empty;
            if (input.Catalog is { } json)
            {
                var (parsed, problems) = CatalogFile.Parse(new SourceText("catalog.json", json));
                if (Failure(problems) is { } refused) return (null, refused);
                catalog = parsed;
            }
            var front = FrontEnd.Load(new SourceText(input.Path, input.Text), catalog);
            if (Failure(front.Diagnostics) is { } failure) return (null, failure);
            if (front.Workflow is null) return (null, InjectionOutcome.Crashed("the front end gave no workflow and no error"));
            return (ParameterOverrides.Apply(front.Workflow, input.ParamOverrides, CommandCatalog.Compile, front.ParameterDimensions), null);
        }
        catch (UsageException e)
        {
            return (null, InjectionOutcome.Refused("usage: " + e.Message));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, InjectionOutcome.Crashed(e.GetType().Name + ": " + e.Message));
        }
    }

    public static InjectionOutcome Compile(Workflow workflow, Dialect dialect, EmitMode mode)
    {
        try
        {
            var result = Compiler.Compile(workflow, new CompileOptions(dialect) { Mode = mode });
            return Failure(result.Diagnostics) ?? (result.Sql is { } sql ? InjectionOutcome.Emitted(sql) : InjectionOutcome.Crashed("no SQL and no error"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return InjectionOutcome.Crashed(e.GetType().Name + ": " + e.Message);
        }
    }

    private static InjectionOutcome? Failure(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        if (list.FirstOrDefault(d => d.Descriptor == DiagnosticCodes.InternalError) is { } bug) return InjectionOutcome.Crashed(bug.Message);
        var errors = list.Where(d => d.IsError).ToList();
        return errors.Count == 0 ? null : InjectionOutcome.Refused(string.Join("; ", errors.Select(e => $"{e.Descriptor.Code} {e.Message}")));
    }
}
