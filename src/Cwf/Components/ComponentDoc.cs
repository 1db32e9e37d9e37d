namespace Cwf.Components;

/// <summary>
/// A component's line in the reference tables (spec/canvas.md, spec/language.md), in markdown.
/// </summary>
/// <param name="Cwf">The .cwf it is written as (what the decompiler writes): <c>`buffer geo by 300 m [as name]`</c>.</param>
/// <param name="Ir">What it builds in the IR: <c>`Project` adding `&lt;geo&gt;_buffer` = `st_buffer(geo, meters)`</c>.</param>
/// <param name="Output">Its output columns: <c>input + `&lt;geo&gt;_buffer`</c>.</param>
public sealed record ComponentDoc(string Cwf, string Ir, string Output);
