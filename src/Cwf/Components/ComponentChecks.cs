using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>
/// What must hold for a descriptor to work with the rest of the compiler: checked when a catalog is built,
/// so that a mistake in a new component file fails at once, with the component named.
/// </summary>
internal static class ComponentChecks
{
    public static void Validate(Component component)
    {
        var problems = new List<string>();
        if (component is not (SourceComponent or StepComponent or SinkComponent))
            problems.Add("it must derive from SourceComponent, StepComponent, GenericStepComponent or SinkComponent");
        if (component.Id.Length == 0 || component.Title.Length == 0) problems.Add("it needs an id and a title");
        if (new[] { component.Doc.Cwf, component.Doc.Ir, component.Doc.Output }.Any(string.IsNullOrWhiteSpace))
            problems.Add("its documentation line is incomplete");
        var ports = component.Inputs.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var names = component.Parameters.Select(p => p.Name).ToList();
        if (names.Count != names.Distinct(StringComparer.OrdinalIgnoreCase).Count() || names.Any(ports.Contains))
            problems.Add("two of its inputs have the same name");
        foreach (var parameter in component.Parameters)
        {
            if (parameter.Parent is { } parent && !ports.Contains(parent))
                problems.Add($"the parent '{parent}' of '{parameter.Name}' is not a table input");
            if (parameter.Kind == ParameterKind.Selection && (parameter.Options.IsEmpty || parameter.Default is { } d && !parameter.Options.Contains(d)))
                problems.Add($"the selection '{parameter.Name}' needs options that include its default");
        }
        if (component is StepComponent && (component.Inputs.IsEmpty || component.Outputs.IsEmpty))
            problems.Add("a step reads a table and has an output");
        if (component is GenericStepComponent generic) problems.AddRange(GenericFormProblems(generic));
        if (problems.Count > 0)
            throw new InvalidOperationException($"Component {component.Id} ({component.GetType().Name}): {string.Join("; ", problems)}.");
    }

    private static IEnumerable<string> GenericFormProblems(GenericStepComponent component)
    {
        var form = component.Form;
        if (!StepVocabulary.IsValidKeyword(form.Keyword))
            yield return $"the keyword '{form.Keyword}' must be a lower-case name that is no word of the grammar (the parser reads those as themselves)";
        if (component.Outputs.Count != 1 && !component.Outputs.SequenceEqual(FilterOutputs.Names))
            yield return "a step in the generic form has one output, or a filter's two (match, unmatch)";
        var piped = component.Inputs[0].Name;
        for (int i = 0; i < form.Arguments.Count; i++)
        {
            var name = form.Arguments[i];
            var parameter = component.FindParameter(name);
            var port = component.FindInput(name);
            if ((parameter is null && port is null) || name == piped)
                yield return $"the argument '{name}' is no parameter or table input after the piped one";
            else if (GenericSteps.TakesSeveral(component, name) && i != form.Arguments.Count - 1)
                yield return $"'{name}' takes several values, so it must be the last argument";
        }
        foreach (var parameter in component.Parameters)
        {
            if (parameter.Kind is ParameterKind.ColumnList or ParameterKind.ColumnAggregation && !form.Arguments.Contains(parameter.Name))
                yield return $"the column list '{parameter.Name}' must be an argument";
        }
        foreach (var port in component.Inputs.Skip(1).Where(p => p.Multiple && !form.Arguments.Contains(p.Name)))
            yield return $"the input '{port.Name}' takes several tables, so it must be an argument";
    }
}
