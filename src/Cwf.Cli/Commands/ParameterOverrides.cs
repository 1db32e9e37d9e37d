using Cwf.Cli.CommandLine;
using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Cli.Commands;

/// <summary><c>--param name=value</c>: replaces a parameter's default value, read as the parameter's type.</summary>
internal static class ParameterOverrides
{
    public static Workflow Apply(Workflow workflow, IReadOnlyList<string> assignments, CommandSpec spec)
    {
        var parameters = workflow.Parameters.ToList();
        foreach (var assignment in assignments)
        {
            int eq = assignment.IndexOf('=');
            if (eq <= 0) throw new UsageException($"--param expects name=value, found '{assignment}'", Help.UsageLine(spec));
            string name = assignment[..eq].Trim().TrimStart('@'), text = assignment[(eq + 1)..];
            int index = parameters.FindIndex(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                var names = parameters.Select(p => p.Name).ToList();
                throw new UsageException($"the workflow has no parameter '{name}'; {NameSuggestions.Hint(name, names, "parameters")}");
            }
            var parameter = parameters[index];
            var value = ComponentValues.TypedValue(parameter.Type, text)
                ?? throw new UsageException($"'{text}' is not a valid {parameter.Type.Name()} value for parameter '{parameter.Name}'");
            parameters[index] = parameter with { Value = value.Value };
        }
        return workflow.WithParameters(parameters.ToSeq());
    }
}
