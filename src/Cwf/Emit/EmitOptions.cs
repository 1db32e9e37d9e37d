using Cwf.Ir;
using Cwf.Planning;

namespace Cwf.Emit;

/// <summary>How to emit a workflow: the mode, the planner's materialization decisions, the procedure name and the replace strategy.</summary>
public sealed record EmitOptions
{
    public static EmitOptions Default { get; } = new();

    public EmitMode Mode { get; init; } = EmitMode.Script;

    /// <summary>
    /// Per-node materialization (CTE, temporary table, view) and spatial join plans, carried out as
    /// they stand: made by <c>Planner.Plan</c> for this dialect's <see cref="Dialect.OptimizerTarget"/>
    /// and mode (or fitted with <c>Planner.Fit</c>). Every node is a CTE by default.
    /// </summary>
    public MaterializationPlan Plan { get; init; } = MaterializationPlan.AllCte;

    /// <summary>
    /// The stored procedure's name in <see cref="EmitMode.Procedure"/> (1 to 3 parts); by default
    /// <c>cwf_&lt;workflow name&gt;</c>, placed on BigQuery in the dataset of the first output.
    /// </summary>
    public string? ProcedureName { get; init; }

    /// <summary>How replace outputs take the place of the tables they replace (<see cref="Emit.ReplaceStrategy"/>); <c>Drop</c> by default.</summary>
    public ReplaceStrategy ReplaceStrategy { get; init; } = ReplaceStrategy.Drop;

    /// <summary>Where the CARTO Analytics Toolbox is installed (<c>carto-un.carto</c>); null: the dialect's <see cref="Dialect.DefaultToolbox"/>.</summary>
    public TableName? Toolbox { get; init; }

    /// <summary>
    /// The CARTO account's API base URL and access token for the toolbox's import procedures (--carto-api-url, --carto-token);
    /// each null when not given, which the SQL passes as NULL: the credentials the toolbox's SETUP stored.
    /// </summary>
    public CartoCredentials Carto { get; init; } = CartoCredentials.None;
}
