namespace Cwf.Binding;

/// <summary>Options of the .cwf binder.</summary>
public sealed record BindOptions
{
    public static BindOptions Default { get; } = new();

    /// <summary>The workflow's name when the program has no <c>workflow "..."</c> statement (else the file name).</summary>
    public string? DefaultWorkflowName { get; init; }
}
