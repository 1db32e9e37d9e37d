using Cwf.Ir;

namespace Cwf.Components;

/// <summary>A table input of a component (an edge target handle).</summary>
/// <param name="Multiple">Takes several edges (only native.unionall's <c>tables</c>).</param>
public sealed record ComponentPort(string Name, bool Required = true, bool Multiple = false);

/// <summary>A value input of a component.</summary>
/// <param name="Parent">For column parameters: the table input the column belongs to.</param>
public sealed record ComponentParameter(string Name, ParameterKind Kind, bool Required = true, string? Parent = null, string? Default = null)
{
    /// <summary>For Selection parameters: the valid option strings, exactly as the canvas shows them.</summary>
    public Seq<string> Options { get; init; } = [];
}

/// <summary>
/// One canvas component of the contract (canvas-format.md section 5): its ports, output handles
/// and parameters, and the .cwf construct that writes the same thing.
/// </summary>
public sealed record ComponentDescriptor(
    string Id,
    string Title,
    Seq<ComponentPort> Inputs,
    Seq<string> Outputs,
    Seq<ComponentParameter> Parameters,
    string CwfConstruct)
{
    public ComponentPort? FindInput(string name) => Inputs.FirstOrDefault(p => p.Name == name);
    public ComponentParameter? FindParameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);
    public bool HasOutput(string name) => Outputs.Contains(name);
}
