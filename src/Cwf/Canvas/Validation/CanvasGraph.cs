using System.Collections.Immutable;
using Cwf.Analysis;
using Cwf.Components;
using Cwf.Diagnostics;

namespace Cwf.Canvas;

/// <summary>
/// The canvas as a checked graph: nodes by id, the edges that survived validation (as
/// connections per input), and the nodes in data-flow order. Building it reports every graph
/// problem of contract 5a.11: edges to missing nodes, unknown handles, duplicated edges, several
/// edges into a single input, missing required inputs, unconnected nodes and cycles.
/// </summary>
public sealed class CanvasGraph
{
    private readonly Dictionary<string, CanvasNode> _byId;
    private readonly Dictionary<string, List<CanvasConnection>> _incoming;
    private readonly Dictionary<string, List<CanvasConnection>> _outgoing;

    private CanvasGraph(Dictionary<string, CanvasNode> byId, Dictionary<string, List<CanvasConnection>> incoming,
        Dictionary<string, List<CanvasConnection>> outgoing, ImmutableArray<CanvasNode> order, ImmutableHashSet<string> invalid, ImmutableHashSet<string> ignored)
    {
        _byId = byId;
        _incoming = incoming;
        _outgoing = outgoing;
        Order = order;
        InvalidNodes = invalid;
        IgnoredNodes = ignored;
    }

    /// <summary>Nodes in data-flow order (every node after the nodes it reads; ties in canvas order). Nodes on or after a cycle are left out.</summary>
    public ImmutableArray<CanvasNode> Order { get; }

    /// <summary>Ids of nodes whose wiring is wrong (an error was reported): they are not lowered, only their values are checked.</summary>
    public ImmutableHashSet<string> InvalidNodes { get; }

    /// <summary>Ids of nodes with no edge at all (a warning was reported): left out entirely.</summary>
    public ImmutableHashSet<string> IgnoredNodes { get; }

    public CanvasNode? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The connections into a node, in edge order.</summary>
    public IReadOnlyList<CanvasConnection> Incoming(CanvasNode node) => _incoming.TryGetValue(node.Id, out var list) ? list : [];

    /// <summary>The connections into one input of a node, in edge order.</summary>
    public IReadOnlyList<CanvasConnection> Incoming(CanvasNode node, string handle) => [.. Incoming(node).Where(c => c.TargetHandle == handle)];

    /// <summary>The connections out of a node, in edge order.</summary>
    public IReadOnlyList<CanvasConnection> Outgoing(CanvasNode node) => _outgoing.TryGetValue(node.Id, out var list) ? list : [];

    public static CanvasGraph Build(CanvasDocument document, CanvasText text, DiagnosticBag diagnostics, ComponentCatalog? components = null)
    {
        components ??= ComponentCatalog.Default;
        var byId = new Dictionary<string, CanvasNode>(StringComparer.Ordinal);
        foreach (var node in document.Nodes)
        {
            if (byId.TryAdd(node.Id, node)) continue;
            diagnostics.Report(DiagnosticCodes.DuplicateNodeId, text.At(node.Pointer + "/id", node),
                $"node id '{node.Id}' is already used by {byId[node.Id].Display} (node {byId[node.Id].Index}); this node is ignored",
                "give every node a unique id");
        }
        var noteIds = document.Notes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var invalid = new HashSet<string>(StringComparer.Ordinal);
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        // Inputs whose edge was dropped for an unknown source handle: that error explains them, no "not connected" follows.
        var misrouted = new HashSet<(string Node, string Handle)>();
        var incoming = new Dictionary<string, List<CanvasConnection>>(StringComparer.Ordinal);
        var outgoing = new Dictionary<string, List<CanvasConnection>>(StringComparer.Ordinal);
        var seen = new Dictionary<(string, string, string, string), CanvasEdge>();
        // Inputs whose edge was dropped because its other end does not exist: the missing-input error says so.
        var dangling = new Dictionary<(string Node, string Handle), string>();
        // Edges dropped because their target does not exist: an unconnected input of their kind may be the one they were meant for.
        var lost = new Dictionary<string, List<(CanvasEdge Edge, string From)>>(StringComparer.Ordinal);

        foreach (var edge in document.Edges)
        {
            var source = edge.Source is null ? null : byId.GetValueOrDefault(edge.Source);
            var target = edge.Target is null ? null : byId.GetValueOrDefault(edge.Target);
            if (source is null || target is null)
            {
                ReportDangling(edge, source, target, noteIds, text, diagnostics, dangling);
                if (target is null)
                    (lost.TryGetValue(edge.TargetHandle ?? "", out var same) ? same : lost[edge.TargetHandle ?? ""] = [])
                        .Add((edge, source is null ? $"node '{edge.Source}'" : $"{source.Display} output '{edge.SourceHandle}'"));
                continue;
            }
            var sourceHandle = OutputHandle(source, edge, text, diagnostics, components);
            var targetHandle = InputHandle(target, edge, text, diagnostics, components);
            if (sourceHandle is null || targetHandle is null)
            {
                // The edge is wrong, not its ends: the source still lowers (and reports its own mistakes), the target cannot.
                invalid.Add(target.Id);
                if (sourceHandle is null && targetHandle is not null) misrouted.Add((target.Id, targetHandle));
                continue;
            }
            if (seen.TryGetValue((source.Id, sourceHandle, target.Id, targetHandle), out var first))
            {
                diagnostics.Report(DiagnosticCodes.DuplicateEdge, text.At(edge.Pointer, target, targetHandle),
                    $"the edge from {source.Display} '{sourceHandle}' to input '{targetHandle}' repeats edge {first.Index}{(first.Id is null ? "" : $" ({first.Id})")}; the copy is ignored");
                continue;
            }
            seen[(source.Id, sourceHandle, target.Id, targetHandle)] = edge;
            var connection = new CanvasConnection(source, sourceHandle, target, targetHandle, edge);
            (incoming.TryGetValue(target.Id, out var ins) ? ins : incoming[target.Id] = []).Add(connection);
            (outgoing.TryGetValue(source.Id, out var outs) ? outs : outgoing[source.Id] = []).Add(connection);
        }

        // A node with no edge at all is a leftover: it is reported and left out, not checked further. Unless an
        // edge that lost its target could have fed it: then its unconnected input is an error (contract 5a.11).
        var danglingTargets = dangling.Keys.Select(k => k.Node).ToHashSet(StringComparer.Ordinal);
        foreach (var node in byId.Values.OrderBy(n => n.Index))
        {
            var ins = incoming.GetValueOrDefault(node.Id) ?? [];
            var orphaned = OrphanedInputs(node, ins, lost, components);
            if (incoming.ContainsKey(node.Id) || outgoing.ContainsKey(node.Id) || invalid.Contains(node.Id) || danglingTargets.Contains(node.Id) || orphaned.Count > 0)
            {
                CheckInputs(node, ins, dangling, orphaned, misrouted, text, diagnostics, invalid, components);
                continue;
            }
            ignored.Add(node.Id);
            diagnostics.Report(DiagnosticCodes.UnconnectedNode, text.At(node.Pointer, node),
                $"{node.Display} is not connected to any other node; it is ignored", "connect it or delete it from the canvas");
        }

        var nodes = byId.Values.OrderBy(n => n.Index).ToList();
        var edges = outgoing.Values.SelectMany(list => list).Select(c => (c.Source.Id, c.Target.Id));
        foreach (var cycle in GraphCycles.Find(nodes.Select(n => n.Id), edges, StringComparer.Ordinal))
        {
            var path = cycle.Path.Select(id => byId[id]).ToList();
            invalid.UnionWith(cycle.Path);
            diagnostics.Report(DiagnosticCodes.CanvasCycle, text.At(path[0].Pointer, path[0]),
                $"the nodes form a cycle: {cycle.Describe(id => byId[id].Display)}",
                "a workflow must flow one way; remove one of the edges on the cycle");
        }

        return new CanvasGraph(byId, incoming, outgoing, TopologicalOrder(nodes, incoming, outgoing), [.. invalid], [.. ignored]);
    }

    private static void ReportDangling(CanvasEdge edge, CanvasNode? source, CanvasNode? target, HashSet<string> noteIds,
        CanvasText text, DiagnosticBag diagnostics, Dictionary<(string, string), string> dangling)
    {
        string Missing(string? id) => string.IsNullOrEmpty(id) ? "no node (the end is empty)" : noteIds.Contains(id) ? $"note '{id}', which is not a data-flow node" : $"node '{id}', which does not exist";
        var concerned = target ?? source;
        string message = (source, target) switch
        {
            (null, null) => $"the edge from {Missing(edge.Source)} to {Missing(edge.Target)} connects nothing; it is ignored",
            (null, _) => $"the edge into {target!.Display} input '{edge.TargetHandle}' comes from {Missing(edge.Source)}; it is ignored",
            _ => $"the edge from {source!.Display} output '{edge.SourceHandle}' goes to {Missing(edge.Target)}; it is ignored",
        };
        diagnostics.Report(DiagnosticCodes.EdgeToMissingNode, text.At(edge.Pointer, concerned, concerned == target ? edge.TargetHandle : edge.SourceHandle), message);
        if (source is null && target is not null && edge.TargetHandle is { } handle)
            dangling.TryAdd((target.Id, handle), edge.Source ?? "");
    }

    /// <summary>The output handle an edge leaves from, or null after reporting that the component has no such output.</summary>
    private static string? OutputHandle(CanvasNode source, CanvasEdge edge, CanvasText text, DiagnosticBag diagnostics, ComponentCatalog components)
    {
        var descriptor = components.Find(source.Component);
        if (descriptor is null) return edge.SourceHandle ?? "result";  // opaque: any handle
        if (edge.SourceHandle is { } handle && descriptor.HasOutput(handle)) return handle;
        if (edge.SourceHandle is null && descriptor.Outputs.Count == 1) return descriptor.Outputs[0];
        diagnostics.Report(DiagnosticCodes.UnknownHandle, text.At(edge.Pointer + "/sourceHandle", source, edge.SourceHandle),
            descriptor.Outputs.Count == 0
                ? $"{source.Display} ({source.Component}) has no outputs, but an edge leaves it from '{edge.SourceHandle}'"
                : $"{source.Display} ({source.Component}) has no output '{edge.SourceHandle}'",
            descriptor.Outputs.Count == 0 ? "delete the edge" : HandleHint(edge.SourceHandle, descriptor.Outputs, "outputs"));
        return null;
    }

    /// <summary>The input an edge arrives at, or null after reporting that the component has no such table input.</summary>
    private static string? InputHandle(CanvasNode target, CanvasEdge edge, CanvasText text, DiagnosticBag diagnostics, ComponentCatalog components)
    {
        var descriptor = components.Find(target.Component);
        if (descriptor is null) return edge.TargetHandle ?? "source";  // opaque: any handle
        if (edge.TargetHandle is { } handle && descriptor.FindInput(handle) is not null) return handle;
        if (edge.TargetHandle is null && descriptor.Inputs.Count == 1) return descriptor.Inputs[0].Name;
        var inputs = descriptor.Inputs.Select(p => p.Name).ToList();
        diagnostics.Report(DiagnosticCodes.UnknownHandle, text.At(edge.Pointer + "/targetHandle", target, edge.TargetHandle),
            inputs.Count == 0
                ? $"{target.Display} ({target.Component}) reads no table, but an edge arrives at its input '{edge.TargetHandle}'"
                : $"{target.Display} ({target.Component}) has no table input '{edge.TargetHandle}'",
            inputs.Count == 0 ? "delete the edge" : HandleHint(edge.TargetHandle, inputs, "inputs"));
        return null;
    }

    private static string HandleHint(string? handle, IReadOnlyCollection<string> valid, string what) =>
        handle is not null && NameSuggestions.Closest(handle, valid) is { } best
            ? $"did you mean '{best}'? valid {what}: {string.Join(", ", valid)}"
            : $"valid {what}: {string.Join(", ", valid)}";

    /// <summary>
    /// The required inputs of a node that no edge reaches but that an edge whose target does not exist
    /// could have been meant for (same input name, or none, and another source node), each with the sentence that says so.
    /// </summary>
    private static Dictionary<string, string> OrphanedInputs(CanvasNode node, IReadOnlyList<CanvasConnection> incoming,
        Dictionary<string, List<(CanvasEdge Edge, string From)>> lost, ComponentCatalog components)
    {
        var orphaned = new Dictionary<string, string>(StringComparer.Ordinal);
        if (lost.Count == 0 || components.Find(node.Component) is not { } descriptor) return orphaned;
        foreach (var port in descriptor.Inputs.Where(p => p.Required && incoming.All(c => c.TargetHandle != p.Name)))
        {
            var (edge, from) = new[] { port.Name, "" }.SelectMany(h => lost.GetValueOrDefault(h) ?? []).FirstOrDefault(l => l.Edge.Source != node.Id);
            if (edge is not null)
                orphaned[port.Name] = $"; the edge from {from} goes to node '{edge.Target}', which does not exist: was it meant for this input?";
        }
        return orphaned;
    }

    private static void CheckInputs(CanvasNode node, IReadOnlyList<CanvasConnection> incoming, Dictionary<(string, string), string> dangling,
        Dictionary<string, string> orphaned, HashSet<(string, string)> misrouted, CanvasText text, DiagnosticBag diagnostics, HashSet<string> invalid, ComponentCatalog components)
    {
        if (components.Find(node.Component) is not { } descriptor) return;
        foreach (var port in descriptor.Inputs)
        {
            var edges = incoming.Where(c => c.TargetHandle == port.Name).ToList();
            if (edges.Count > 1 && !port.Multiple)
            {
                invalid.Add(node.Id);
                diagnostics.Report(DiagnosticCodes.TooManyEdges, text.At(edges[1].Edge.Pointer, node, port.Name),
                    $"input '{port.Name}' of {node.Display} takes one table, but {edges.Count} edges arrive: from {string.Join(", ", edges.Select(e => $"{e.Source.Display} '{e.SourceHandle}'"))}",
                    descriptor.Inputs.Any(p => p.Multiple) ? "" : "keep one edge; to combine tables use a Union all first");
            }
            else if (edges.Count == 0 && port.Required)
            {
                invalid.Add(node.Id);
                if (misrouted.Contains((node.Id, port.Name))) continue;
                string why = dangling.TryGetValue((node.Id, port.Name), out var missing)
                    ? $"; its edge comes from node '{missing}', which does not exist"
                    : orphaned.GetValueOrDefault(port.Name, "");
                var entry = node.FindInput(port.Name);
                diagnostics.Report(DiagnosticCodes.MissingInputEdge, text.At(entry?.Pointer ?? node.Pointer, node, port.Name),
                    $"input '{port.Name}' of {node.Display} ({node.Component}) is not connected{why}",
                    "connect a table to it");
            }
        }
    }

    // Kahn's algorithm over the checked edges; ready nodes leave in canvas order, so the result is stable.
    private static ImmutableArray<CanvasNode> TopologicalOrder(List<CanvasNode> nodes, Dictionary<string, List<CanvasConnection>> incoming,
        Dictionary<string, List<CanvasConnection>> outgoing)
    {
        var pending = nodes.ToDictionary(n => n.Id, n => incoming.GetValueOrDefault(n.Id)?.Count ?? 0, StringComparer.Ordinal);
        var ready = new PriorityQueue<CanvasNode, int>();
        foreach (var node in nodes)
            if (pending[node.Id] == 0) ready.Enqueue(node, node.Index);
        var order = ImmutableArray.CreateBuilder<CanvasNode>(nodes.Count);
        while (ready.TryDequeue(out var node, out _))
        {
            order.Add(node);
            foreach (var c in outgoing.GetValueOrDefault(node.Id) ?? [])
                if (--pending[c.Target.Id] == 0) ready.Enqueue(c.Target, c.Target.Index);
        }
        return order.ToImmutable();
    }
}
