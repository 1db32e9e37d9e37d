namespace Cwf.Emit.Scripts;

/// <summary>One statement of a script, without its terminating semicolon, and the line it starts on (1-based).</summary>
public sealed record SqlStatement(string Text, int Line);
