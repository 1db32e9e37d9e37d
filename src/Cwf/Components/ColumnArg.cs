using Cwf.Diagnostics;

namespace Cwf.Components;

/// <summary>A column name as the user wrote it for a component parameter, and where.</summary>
public sealed record ColumnArg(string Name, Location Location);

/// <summary>The step being lowered: its name (CTE names derive from it) and where it was written.</summary>
public sealed record StepInfo(string Name, Location Origin);

/// <summary>One aggregation of a group by / summarize: <c>method(column)</c>, output <c>&lt;column&gt;_&lt;method&gt;</c> unless named.</summary>
/// <param name="Method">One of sum, avg, min, max, count, count_distinct (ComponentCatalog.AggregationMethods).</param>
public sealed record AggregationArg(ColumnArg Column, string Method, Location Location, string? OutputName = null);
