using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// How expressions differ between warehouses, keyed by IR construct. Each default is the SQL most
/// warehouses read alike; a dialect overrides the constructs it writes otherwise, usually with one
/// line naming a shared form below (SQLGlot's transforms tables work the same way).
/// </summary>
public abstract partial class Dialect
{
    // Each hook writes through the expression writer at the end of what is written so far and returns the
    // precedence of what it wrote (ExpressionWriter); a hook given `start` changes what was written from there.

    /// <summary><c>a % b</c>: the remainder with the sign of the dividend.</summary>
    internal virtual int Modulo(Binary remainder, ExpressionWriter writer) => writer.Multiplicative(remainder, "%");

    /// <summary>
    /// <c>a / b</c>, the IR's true division. Standard SQL truncates an integer quotient, so an
    /// integer dividend is cast to float first; where <c>/</c> already divides integers as floats
    /// the dialect writes <see cref="FloatDivision"/>.
    /// </summary>
    internal virtual int Divide(Binary quotient, ExpressionWriter writer)
    {
        int start = writer.Position;
        int left = writer.Append(quotient.Left);
        if (IsIntegerQuotient(quotient)) left = writer.CastWritten(start, left, SqlType.Float64);
        return writer.Arithmetic(start, left, "/", quotient.Right, Precedence.Multiplicative);
    }

    /// <summary>A quotient of float64 type whose operands are not floats (int64 / int64).</summary>
    protected static bool IsIntegerQuotient(Binary quotient) =>
        quotient.Type == SqlType.Float64 && quotient.Left.Type != SqlType.Float64 && quotient.Right.Type != SqlType.Float64;

    /// <summary>Division where <c>/</c> of two integers is already a float (BigQuery, Databricks).</summary>
    private protected static int FloatDivision(Binary quotient, ExpressionWriter writer) => writer.Multiplicative(quotient, "/");

    /// <summary>
    /// Where dividing by zero gives NULL instead of an error (DuckDB): the operator wrapped in
    /// <paramref name="guard"/>, which raises on a zero divisor, unless the divisor is a non-zero literal.
    /// </summary>
    private protected static int ZeroGuarded(Binary division, SqlTemplate guard, ExpressionWriter writer) =>
        IsNonZeroLiteral(division.Right)
            ? writer.Multiplicative(division, division.Op == BinaryOp.Modulo ? "%" : "/")
            : writer.AppendTemplate(guard, division.Left, division.Right);

    private static bool IsNonZeroLiteral(Expr e) =>
        e is Ir.Literal { Value: long l } && l != 0 || e is Ir.Literal { Value: double d } && d != 0 || e is Ir.Literal { Value: decimal m } && m != 0;

    /// <summary>The pattern of a <c>LIKE</c>, which has no escape character in the IR: as written where the warehouse's LIKE has none either.</summary>
    internal virtual int LikePattern(Expr pattern, ExpressionWriter writer) => writer.Append(pattern);

    /// <summary>
    /// A LIKE pattern where a backslash escapes by default (PostgreSQL, Redshift, BigQuery,
    /// Databricks): its backslashes doubled so that they match themselves, in the literal or with REPLACE.
    /// </summary>
    private protected int BackslashesDoubled(Expr pattern, ExpressionWriter writer)
    {
        switch (pattern)
        {
            case Ir.Literal { Value: string text }:
                return writer.Append(Literal(text.Replace("\\", "\\\\"), SqlType.String));
            case Ir.Literal:
                return writer.Append(pattern);
            default:
                writer.Append("REPLACE(");
                writer.Append(pattern);
                writer.Append(", " + Literal("\\", SqlType.String).Text + ", " + Literal("\\\\", SqlType.String).Text + ")");
                return Precedence.Atom;
        }
    }

    /// <summary>
    /// A string operand of an ordering comparison, sort key or MIN/MAX, written from <paramref name="start"/>
    /// with <paramref name="precedence"/>, ordering by code point as the IR does: unchanged where strings
    /// always do, a collation where the database's may be linguistic.
    /// </summary>
    internal virtual int CodePointOrdered(int start, int precedence, ExpressionWriter writer) => precedence;

    /// <summary>The result of MIN/MAX over a <see cref="CodePointOrdered"/> argument, back in the collation output columns keep.</summary>
    internal virtual int CollationRestored(int start, int precedence, ExpressionWriter writer) => precedence;

    /// <summary>
    /// How a float64 becomes an int64 where <c>CAST(x AS integer type)</c> does not round half away
    /// from zero as the IR's cast does; null: that CAST.
    /// </summary>
    public virtual SqlTemplate? FloatToInteger => null;

    /// <summary>
    /// Any expression as written from <paramref name="start"/>, with its IR type restored where the warehouse
    /// gives the SQL another one (DuckDB folds an operator over a NULL literal to an INTEGER NULL; decimal
    /// products change scale). The default keeps the SQL as it is.
    /// </summary>
    internal virtual int Typed(Expr expr, int start, int precedence, ExpressionWriter writer) => precedence;

    // ---- shared translation helpers for function maps ----------------------------------------------

    /// <summary>
    /// The radius of a buffer where the warehouse uses its default 8 segments per quarter circle
    /// and takes no count (BigQuery's is a named argument the BigQuery parsers reject): scaled by
    /// sqrt(2π / (32 sin(2π/32))) = 1.003222 so that the 32-gon has the area of the disc. Vertices
    /// are then 0.32% beyond the radius and edge midpoints 0.16% within it, inside the 0.5% the
    /// contract allows, where the plain radius loses 0.64% of the area.
    /// </summary>
    protected const string EqualAreaBufferRadius = "{1} * 1.003222";

    /// <summary>
    /// The SRID of the UTM zone holding a lon/lat point (EPSG 326zz north, 327zz south), for
    /// buffering in meters where only planar buffers exist.
    /// </summary>
    protected static string UtmZoneSrid(string longitude, string latitude, string floor = "FLOOR", string integerType = "INTEGER") =>
        $"32600 + CASE WHEN {latitude} < 0 THEN 100 ELSE 0 END + LEAST(60, CAST({floor}(({longitude} + 180) / 6) AS {integerType}) + 1)";

    /// <summary>What a buffer in meters near a point should be instead, where buffers are approximate or missing.</summary>
    protected const string DistanceFilterHint = "for 'within a distance' tests use a distance filter (st_dwithin) instead of buffer + intersects";

    /// <summary>The note on a buffer made in the UTM zone of the centroid (<see cref="UtmZoneSrid"/>); <paramref name="why"/> says why the warehouse needs it.</summary>
    protected static FunctionNote UtmBufferNote(string why) => FunctionNote.Limited(
        $"buffers in the UTM zone of the geometry's centroid ({why}); geometries spanning several zones or near the poles are distorted",
        DistanceFilterHint);

    /// <summary>
    /// Distance and DWithin from <paramref name="distance"/>, a geodesic distance (<c>{0}</c>, <c>{1}</c>)
    /// that the warehouse measures between points only (<paramref name="measuredBy"/> names how): both carry that limitation.
    /// </summary>
    protected static (BuiltinFunction, FunctionMapping)[] PointDistances(string distance, string measuredBy)
    {
        var pointsOnly = FunctionNote.Limited(
            $"measures meters only between points ({measuredBy}); other geometries raise an error when the query runs",
            "compute the distance between centroids, or use custom SQL");
        return
        [
            (Ir.Functions.Distance, FunctionMapping.Sql(distance).WithNote(pointsOnly)),
            (Ir.Functions.DWithin, FunctionMapping.Sql(distance + " <= {2}").WithNote(pointsOnly)),
        ];
    }
}
