using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// A generic step of the geometry toolbox that adds one column computed from one geography column
/// (<c>geo</c>) and the component's other values: <c>keyword geo, ... [as name]</c> adds
/// <c>&lt;geo&gt;_&lt;suffix&gt;</c>. The derived descriptor says what the column is (<see cref="Compute"/>).
/// </summary>
public abstract class GeographyColumnComponent : GenericStepComponent
{
    /// <summary>The added column's default name is the geography column's name, <c>_</c> and this.</summary>
    protected abstract string Suffix { get; }

    /// <summary>The added column from the geography column and the other values; null when a value could not be read (reported).</summary>
    protected abstract Expr? Compute(IComponentValues values, Expr geo);

    public override void Build(ComponentLoweringContext cx)
    {
        var v = cx.Values;
        int source = cx.Input("source");
        if (v.Column("geo") is not { } geo || cx.ResolveGeography(source, geo) is not { } g) return;
        if (Compute(v, ExprFactory.Column(g)) is not { } value || v.Failed) return;
        cx.Output("result", cx.AddColumn(source, cx.OutputName ?? g.Name + "_" + Suffix, value, cx.Step));
    }

    /// <summary>The documentation line of a component that adds <c>&lt;geo&gt;_&lt;suffix&gt;</c> = <paramref name="ir"/>.</summary>
    protected static ComponentDoc Documented(string cwf, string suffix, string ir, string type) =>
        new(cwf, $"adds `<geo>_{suffix}` = {ir}", $"input + `<geo>_{suffix}` ({type})");
}
