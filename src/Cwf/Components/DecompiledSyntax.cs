using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>Pieces of .cwf syntax several components' decompilations write.</summary>
internal static class DecompiledSyntax
{
    public static NameSyntax Name(string column) => new(column);

    /// <summary>A SQL fragment cwf could not analyse, as a sql step (same rows; the comment says why).</summary>
    public static StepSyntax KeptAsSql(string sql, Schema? schema, string what) =>
        new SqlStepSyntax([], sql, schema is null || schema.IsOpen ? null : Declarations(schema))
        {
            LeadingComments = [CommentSyntax.Line($"kept as SQL: cwf cannot analyse {what}")],
        };

    public static Seq<ColumnDeclarationSyntax> Declarations(Schema schema) =>
        schema.Columns.Select(c => new ColumnDeclarationSyntax(new IdentifierSyntax(c.Name), new TypeSyntax(c.Type.Name()), !c.Nullable)).ToSeq();
}
