using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// The backend stage: turns an IR <see cref="Workflow"/> into SQL for one dialect. Pure and
/// deterministic (the same input gives byte-identical SQL); never throws on user input —
/// what a dialect cannot express is an error diagnostic and <see cref="EmitResult.Sql"/> is null.
/// </summary>
public static class SqlEmitter
{
    public static EmitResult Emit(Workflow workflow, Dialect dialect, EmitOptions? options = null) =>
        new ScriptBuilder(workflow, dialect, options ?? EmitOptions.Default).Build();
}
