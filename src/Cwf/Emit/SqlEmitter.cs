using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// The backend stage: turns an IR <see cref="Workflow"/> into SQL for one dialect. Pure and
/// deterministic (the same input gives byte-identical SQL); never throws on user input —
/// what a dialect cannot express is an error diagnostic and <see cref="EmitResult.Sql"/> is null.
/// It carries out <see cref="EmitOptions.Plan"/> as it stands: a plan the dialect cannot run in the
/// mode (not made by the planner for its target) is a programming error (ArgumentException).
/// </summary>
public static class SqlEmitter
{
    public static EmitResult Emit(Workflow workflow, Dialect dialect, EmitOptions? options = null) =>
        ScriptBuilder.Build(workflow, dialect, options ?? EmitOptions.Default);
}
