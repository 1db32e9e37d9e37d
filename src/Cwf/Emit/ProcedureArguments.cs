using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// The arguments of a stored procedure (<c>--emit procedure</c>): one per public parameter, named
/// by the dialect (unique ignoring case) and typed by it, with the parameter's value as default.
/// The other parameters, and every parameter outside procedure mode, are inlined as literals.
/// </summary>
internal sealed class ProcedureArguments
{
    private ProcedureArguments(Dictionary<string, string> byParameter, List<ProcedureArgument> arguments)
    {
        ByParameter = byParameter;
        Arguments = arguments;
    }

    /// <summary>The argument name of each public parameter (ignoring case); empty outside procedure mode.</summary>
    public IReadOnlyDictionary<string, string> ByParameter { get; }

    public IReadOnlyList<ProcedureArgument> Arguments { get; }

    /// <summary>The arguments for <paramref name="mode"/>; what cannot be a procedure is reported to <paramref name="diagnostics"/>.</summary>
    public static ProcedureArguments Prepare(Workflow workflow, Dialect dialect, EmitMode mode, DiagnosticBag diagnostics)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var arguments = new List<ProcedureArgument>();
        var result = new ProcedureArguments(names, arguments);
        if (mode != EmitMode.Procedure) return result;
        if (!dialect.Capabilities.StoredProcedures)
        {
            diagnostics.Report(DiagnosticCodes.EmitModeNotSupported, Location.None,
                $"{dialect.DisplayName} has no stored procedures, so workflow '{workflow.Name}' cannot be emitted as one.",
                "emit a script (parameters are inlined) or a query instead");
            return result;
        }
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in workflow.Parameters.Where(p => p.IsPublic))
        {
            var name = dialect.ProcedureArgumentName(parameter.Name);
            for (int n = 2; !used.Add(name); n++) name = dialect.ProcedureArgumentName(parameter.Name) + "_" + n;
            if (dialect.TypeName(parameter.Type) is not { } type)
            {
                diagnostics.Report(DiagnosticCodes.ParameterTypeUnknown, parameter.Origin ?? Location.None,
                    $"Public parameter @{parameter.Name} has no known type, so it cannot be an argument of the {dialect.DisplayName} procedure.",
                    "give the parameter a type (Number or String)");
                continue;
            }
            names[parameter.Name] = name;
            arguments.Add(new ProcedureArgument(name, type, dialect.Literal(parameter.Value, parameter.Type).Text));
        }
        return result;
    }
}
