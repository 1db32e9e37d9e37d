namespace Cwf.Emit;

/// <summary>One argument of an emitted stored procedure: its SQL name, type, and default value (a literal).</summary>
public sealed record ProcedureArgument(string Name, string TypeName, string DefaultValue);
