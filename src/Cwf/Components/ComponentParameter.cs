using Cwf.Ir;

namespace Cwf.Components;

/// <summary>A value input of a component.</summary>
/// <param name="Parent">For column parameters: the table input the column belongs to.</param>
/// <param name="Default">The value a missing input reads as.</param>
public sealed record ComponentParameter(string Name, ParameterKind Kind, bool Required = true, string? Parent = null, string? Default = null)
{
    /// <summary>For Selection parameters: the valid option strings, exactly as the canvas shows them.</summary>
    public Seq<string> Options { get; init; } = [];

    public static ComponentParameter Column(string name, string parent = "source") => new(name, ParameterKind.Column, Parent: parent);

    public static ComponentParameter Selection(string name, Seq<string> options, string? @default = null) =>
        new(name, ParameterKind.Selection, Default: @default) { Options = options };
}
