namespace Cwf.Emit;

/// <summary>What kind of SQL the emitter writes.</summary>
public enum EmitMode
{
    /// <summary>One script that writes every output table; parameters are inlined as literals.</summary>
    Script,
    /// <summary>A stored procedure whose arguments are the public parameters (the others are inlined).</summary>
    Procedure,
    /// <summary>One SELECT per output and no writes, for previews.</summary>
    Query,
}
