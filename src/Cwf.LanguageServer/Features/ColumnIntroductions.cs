using Cwf.Syntax;

namespace Cwf.LanguageServer.Features;

/// <summary>
/// The column names a pipeline step writes: a derive's names, a rename's new names, aliases, the named keys
/// and aggregates of group and summarize, the declared result of sql and call. A column of such a name after
/// the step is the step's own, even where one of the same name flowed into it (<c>derive ratio = ratio * 2</c>).
/// </summary>
public static class ColumnIntroductions
{
    public static IEnumerable<IdentifierSyntax> Of(StepSyntax step) => step switch
    {
        DeriveStepSyntax d => d.Columns.Select(c => c.Name),
        RenameStepSyntax r => r.Renamings.Select(n => n.NewName),
        SelectStepSyntax s => s.Items.Select(i => i.Alias).OfType<IdentifierSyntax>(),
        GroupStepSyntax g => g.Keys.Select(k => k.Name).Concat(g.Aggregates.Select(a => a.Name)).OfType<IdentifierSyntax>(),
        SummarizeStepSyntax s => s.Aggregates.Select(a => a.Name).OfType<IdentifierSyntax>(),
        SqlStepSyntax { Schema: { } columns } => columns.Select(c => c.Name),
        CallStepSyntax { Schema: { } columns } => columns.Select(c => c.Name),
        _ => Alias(step) is { } alias ? [alias] : [],
    };

    /// <summary>The written name of <paramref name="column"/> in the step (ignoring case, as the binder does), or null.</summary>
    public static IdentifierSyntax? Find(StepSyntax step, string column) =>
        Of(step).FirstOrDefault(n => string.Equals(n.Name, column, StringComparison.OrdinalIgnoreCase));

    // The steps that add one column, named by `as`.
    private static IdentifierSyntax? Alias(StepSyntax step) => step switch
    {
        NearestStepSyntax n => n.Alias,
        BufferStepSyntax b => b.Alias,
        CentroidStepSyntax c => c.Alias,
        AreaStepSyntax a => a.Alias,
        DistanceStepSyntax d => d.Alias,
        PointStepSyntax p => p.Alias,
        H3StepSyntax h => h.Alias,
        H3BoundaryStepSyntax h => h.Alias,
        GenericStepSyntax g => g.Alias,
        _ => null,
    };
}
