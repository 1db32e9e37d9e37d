using Cwf.Emit;

namespace Cwf.Tests.Security;

/// <summary>One cell of the injection matrix: a place, a dialect and an emit mode.</summary>
internal sealed record InjectionCell(string Place, string Dialect, EmitMode Mode)
{
    public override string ToString() => $"{Place} / {Dialect} / {Mode.ToString().ToLowerInvariant()}";
}
