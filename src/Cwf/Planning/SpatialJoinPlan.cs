using Cwf.Ir;

namespace Cwf.Planning;

/// <summary>
/// Plan for one spatial join or spatial filter (semi / anti join) on a warehouse that does not
/// index spatial joins by itself (PostGIS): the input on <see cref="IndexedSide"/> is
/// materialized once, its geometries optionally split into small pieces, indexed and analysed,
/// and the other input probes that index row by row. Measured 19-48x faster than the plain join
/// on PostGIS (shared/design/performance.md). The backend emits it; <see cref="Planner"/>
/// describes the SQL shape and spec/dialects.md (planned spatial joins) the rules and why results do not change.
/// </summary>
/// <param name="NodeId">The join or semi-join node.</param>
/// <param name="IndexedSide">0 = the left input, 1 = the right input: the side that is materialized and indexed.</param>
/// <param name="GeoColumn">The geography column of the indexed input that the predicate reads.</param>
/// <param name="Predicate">The spatial predicate of the condition (st_intersects, st_within, st_dwithin...).</param>
/// <param name="Subdivide">Split each geometry into pieces of at most <paramref name="MaxVerticesPerPiece"/> vertices before indexing.</param>
/// <param name="MaxVerticesPerPiece">The ST_Subdivide vertex limit.</param>
/// <param name="PiecesAreExact">
/// True when the predicate holds for a geometry exactly when it holds for one of its pieces
/// (intersects, dwithin): the join may test the pieces and only has to remove duplicate pairs.
/// False (within, contains, covers, touches: a point on a cut line is inside the polygon but on
/// the boundary of both pieces): pieces only find candidates through the index, and the exact
/// predicate is then evaluated against the original geometry where no piece decides.
/// </param>
/// <param name="Reason">Why, for `cwf explain`.</param>
/// <param name="Conjunct">The conjunct of the join condition the index serves (a call of <paramref name="Predicate"/>).</param>
/// <param name="GeoArgument">Which argument of <paramref name="Conjunct"/> is the indexed column.</param>
/// <param name="PieceImpliesMatch">
/// The predicate holding for one piece implies it holds for the whole geometry (every predicate
/// but touches): a piece that satisfies it decides the pair without the whole-geometry test.
/// </param>
public sealed record SpatialJoinPlan(
    int NodeId,
    int IndexedSide,
    string GeoColumn,
    string Predicate,
    bool Subdivide,
    int MaxVerticesPerPiece,
    bool PiecesAreExact,
    string Reason,
    Call Conjunct,
    int GeoArgument,
    bool PieceImpliesMatch);
