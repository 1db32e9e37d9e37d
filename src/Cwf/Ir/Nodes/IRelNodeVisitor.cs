namespace Cwf.Ir;

/// <summary>
/// One method per node kind, for the stages that must treat every kind differently (SQL
/// emission, the interpreter). A new kind adds a method here, so every such stage stops
/// compiling until it handles the kind: a missing case is a compile error, never a run-time one.
/// Generic walks use <see cref="RelNode"/>'s members instead.
/// </summary>
public interface IRelNodeVisitor<out T>
{
    T VisitScan(ScanNode node);
    T VisitValues(ValuesNode node);
    T VisitFilter(FilterNode node);
    T VisitProject(ProjectNode node);
    T VisitAggregate(AggregateNode node);
    T VisitJoin(JoinNode node);
    T VisitSemiJoin(SemiJoinNode node);
    T VisitNearest(NearestNode node);
    T VisitUnionAll(UnionAllNode node);
    T VisitSort(SortNode node);
    T VisitLimit(LimitNode node);
    T VisitDistinct(DistinctNode node);
    T VisitSink(SinkNode node);
    T VisitCheck(CheckNode node);
    T VisitOpaque(OpaqueNode node);
    T VisitWindow(WindowNode node);
    T VisitExplode(ExplodeNode node);
}
