using System.Collections.Immutable;
using Cwf.Emit;

namespace Cwf.Driver;

/// <summary>Everything `cwf compile` can ask for.</summary>
public sealed record CompileOptions(Dialect Dialect)
{
    public EmitMode Mode { get; init; } = EmitMode.Script;

    /// <summary>False for --no-opt.</summary>
    public bool Optimize { get; init; } = true;

    /// <summary>Passes skipped by --disable-pass.</summary>
    public ImmutableArray<string> DisabledPasses { get; init; } = [];

    /// <summary>How replace outputs take the place of their tables (--replace-strategy).</summary>
    public ReplaceStrategy ReplaceStrategy { get; init; } = ReplaceStrategy.Drop;

    /// <summary>
    /// The time of the run (UTC, --now): <c>current_date</c> and <c>current_timestamp</c> are written as
    /// literals of it; null: the warehouse's clock (spec/language.md, "Time").
    /// </summary>
    public DateTime? Now { get; init; }

    /// <summary>Where the CARTO Analytics Toolbox is installed (--toolbox, the catalog's "toolbox"); null: the dialect's default.</summary>
    public Ir.TableName? Toolbox { get; init; }

    /// <summary>The CARTO account's API base URL and token for the toolbox's import procedures (--carto-api-url, --carto-token); none: NULL in the SQL.</summary>
    public Emit.CartoCredentials Carto { get; init; } = Emit.CartoCredentials.None;

    /// <summary>Keep the IR before and after each pass (for `cwf explain`).</summary>
    public bool RecordIr { get; init; }
}
