using System.Collections.Frozen;
using Cwf.Ir;

namespace Cwf.Binding;

/// <summary>
/// The dimensions of the portable functions: which arguments are lengths (distances in meters)
/// or plain numbers (coordinates, digits, exponents), and what the metric functions return.
/// Every other argument takes any number.
/// </summary>
internal static class FunctionDimensions
{
    private static readonly FrozenDictionary<(BuiltinFunction, int), (Dimension Dimension, string Role)> Arguments =
        new Dictionary<(BuiltinFunction, int), (Dimension, string)>
        {
            [(Functions.Buffer, 1)] = (Dimension.Length, "the distance of st_buffer"),
            [(Functions.DWithin, 2)] = (Dimension.Length, "the distance of st_dwithin"),
            [(Functions.Point, 0)] = (Dimension.Plain, "the longitude of st_point (degrees)"),
            [(Functions.Point, 1)] = (Dimension.Plain, "the latitude of st_point (degrees)"),
            [(Functions.Round, 1)] = (Dimension.Plain, "the number of digits of round"),
            [(Functions.Power, 1)] = (Dimension.Plain, "the exponent of power"),
            [(Functions.Destination, 1)] = (Dimension.Length, "the distance of st_destination"),
            [(Functions.Destination, 2)] = (Dimension.Plain, "the bearing of st_destination (degrees)"),
            [(Functions.Simplify, 1)] = (Dimension.Length, "the tolerance of st_simplify"),
            [(Functions.SnapToGrid, 1)] = (Dimension.Plain, "the grid size of st_snaptogrid (degrees)"),
            [(Functions.LineInterpolatePoint, 1)] = (Dimension.Plain, "the fraction of st_lineinterpolatepoint"),
            [(Functions.ConcaveHull, 1)] = (Dimension.Plain, "the edge length ratio of st_concavehull"),
            [(Functions.PointN, 1)] = (Dimension.Plain, "the vertex number of st_pointn"),
            [(Functions.MakeEnvelope, 0)] = (Dimension.Plain, "the west longitude of st_makeenvelope (degrees)"),
            [(Functions.MakeEnvelope, 1)] = (Dimension.Plain, "the south latitude of st_makeenvelope (degrees)"),
            [(Functions.MakeEnvelope, 2)] = (Dimension.Plain, "the east longitude of st_makeenvelope (degrees)"),
            [(Functions.MakeEnvelope, 3)] = (Dimension.Plain, "the north latitude of st_makeenvelope (degrees)"),
        }.ToFrozenDictionary();

    /// <summary>The dimension argument <paramref name="index"/> must have and what the argument is, or null when any number will do.</summary>
    public static (Dimension Dimension, string Role)? Expected(BuiltinFunction function, int index) =>
        Arguments.TryGetValue((function, index), out var expected) ? expected : null;

    /// <summary>
    /// The result's dimension: st_area is an area, st_length, st_perimeter and st_distance are lengths; a function
    /// whose result has its first argument's type (abs, round, floor, ceil) or the arguments' common
    /// type (coalesce, nullif) keeps their dimension; sqrt halves an even power; the rest are plain numbers.
    /// </summary>
    public static Dimension Result(BuiltinFunction function, IReadOnlyList<Dimension> args)
    {
        if (function == Functions.Area) return Dimension.Area;
        if (function == Functions.LengthMeters || function == Functions.Distance || function == Functions.Perimeter) return Dimension.Length;
        if (function.Result == ResultRule.SameAsFirst) return args[0];
        if (function.Result == ResultRule.CommonOfArgs) return args.Aggregate(Dimension.Plain, (common, d) => common.CommonWith(d));
        if (function == Functions.Sqrt && args[0].MeterPower % 2 == 0) return new Dimension(args[0].MeterPower / 2);
        return Dimension.Plain;
    }

    /// <summary>Whether the arguments must measure the same thing: the function returns one of them (coalesce, nullif).</summary>
    public static bool ArgumentsMustAgree(BuiltinFunction function) => function.Result == ResultRule.CommonOfArgs;
}
