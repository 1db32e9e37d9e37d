using Cwf.Components;

namespace Cwf.Binding;

/// <summary>Options of the .cwf binder.</summary>
public sealed record BindOptions
{
    public static BindOptions Default { get; } = new();

    /// <summary>The workflow's name when the program has no <c>workflow "..."</c> statement (else the file name).</summary>
    public string? DefaultWorkflowName { get; init; }

    /// <summary>The components whose steps the program may use.</summary>
    public ComponentCatalog Components { get; init; } = ComponentCatalog.Default;
}
