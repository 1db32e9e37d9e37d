using System.Collections.Immutable;
using System.Text;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Planning;

namespace Cwf.Emit;

/// <summary>
/// One emission: finds the outputs and the nodes they need, decides how each node is
/// materialized, names the relations, writes each node's query once, and assembles the
/// statements of the mode (script, procedure, query). Every walk over the graph is a loop.
/// </summary>
internal sealed partial class ScriptBuilder
{
    private readonly Workflow _workflow;
    private readonly Dialect _dialect;
    private readonly EmitOptions _options;
    private readonly Dictionary<int, int> _position = [];
    private readonly Dictionary<int, Materialization> _kind = [];
    private readonly Dictionary<int, string> _cteName = [];
    private readonly Dictionary<int, string> _materializedName = [];
    private readonly Dictionary<int, TableName> _tables = [];
    private readonly Dictionary<int, SqlBlock> _bodies = [];
    private readonly List<ProcedureArgument> _arguments = [];
    private EmitContext _context = null!;
    private QueryWriter _writer = null!;

    public ScriptBuilder(Workflow workflow, Dialect dialect, EmitOptions options)
    {
        _workflow = workflow;
        _dialect = dialect;
        _options = options;
        for (int i = 0; i < workflow.Nodes.Length; i++) _position[workflow.Nodes[i].Id] = i;
    }

    private DialectCapabilities Capabilities => _dialect.Capabilities;
    private EmitMode Mode => _options.Mode;

    /// <summary>An output statement: the node whose rows it writes or shows, and the sink writing them (none in query mode for a dangling step).</summary>
    private sealed record Output(int Source, SinkNode? Sink);

    public EmitResult Build()
    {
        var early = new DiagnosticBag();
        var argumentNames = PrepareProcedureArguments(early);
        _context = new EmitContext(_workflow, _dialect, _options, argumentNames);
        _context.Diagnostics.AddRange(early.ToImmutable());
        if (early.HasErrors) return Result(null);

        var outputs = FindOutputs();
        if (outputs.Count == 0)
            _context.Report(DiagnosticCodes.NothingToEmit, null, $"Workflow '{_workflow.Name}' has no output: the {Mode.ToString().ToLowerInvariant()} is empty.",
                Mode == EmitMode.Query ? "" : "add a step that writes a table");

        var needed = Needed(outputs);
        foreach (var id in needed)
            if (_workflow[id] is OpaqueNode { SqlTemplate: null } unknown)
                _context.Report(DiagnosticCodes.UnknownComponentNotEmittable, unknown,
                    $"Step '{unknown.Name}' uses component '{unknown.Component}', which cwf cannot compile to {_dialect.DisplayName} SQL.",
                    "replace it with native components or a custom SQL step that computes the same result");

        NormalizeTableNames(needed, outputs);
        DecideMaterialization(needed);
        AssignNames(needed);
        _writer = new QueryWriter(_context, Relation, _spatialJoins);
        foreach (var id in needed)
        {
            var node = _workflow[id];
            if (node is not (SinkNode or ScanNode or OpaqueNode { SqlTemplate: null })) _bodies[id] = _writer.Write(node);
        }
        if (_context.Diagnostics.HasErrors) return Result(null);

        var sql = Mode switch
        {
            EmitMode.Query => AssembleQueries(outputs),
            EmitMode.Procedure => AssembleProcedure(outputs),
            _ => AssembleScript(outputs),
        };
        return Result(_context.Diagnostics.HasErrors ? null : sql);
    }

    private EmitResult Result(string? sql) => new(sql, _context.Diagnostics.ToImmutable());

    // ---- procedure arguments -------------------------------------------------------------------

    private Dictionary<string, string> PrepareProcedureArguments(DiagnosticBag diagnostics)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Mode != EmitMode.Procedure) return names;
        if (!Capabilities.StoredProcedures)
        {
            diagnostics.Report(DiagnosticCodes.EmitModeNotSupported, Location.None,
                $"{_dialect.DisplayName} has no stored procedures, so workflow '{_workflow.Name}' cannot be emitted as one.",
                "emit a script (parameters are inlined) or a query instead");
            return names;
        }
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in _workflow.Parameters.Where(p => p.IsPublic))
        {
            var name = _dialect.ProcedureArgumentName(parameter.Name);
            for (int n = 2; !used.Add(name); n++) name = _dialect.ProcedureArgumentName(parameter.Name) + "_" + n;
            if (_dialect.TypeName(parameter.Type) is not { } type)
            {
                diagnostics.Report(DiagnosticCodes.ParameterTypeUnknown, parameter.Origin ?? Location.None,
                    $"Public parameter @{parameter.Name} has no known type, so it cannot be an argument of the {_dialect.DisplayName} procedure.",
                    "give the parameter a type (Number or String)");
                continue;
            }
            names[parameter.Name] = name;
            _arguments.Add(new ProcedureArgument(name, type, _dialect.Literal(parameter.Value, parameter.Type).Text));
        }
        return names;
    }

    // ---- graph ---------------------------------------------------------------------------------

    private List<Output> FindOutputs()
    {
        var outputs = _workflow.Sinks.Select(s => new Output(s.Input, s)).ToList();
        if (Mode != EmitMode.Query) return outputs;
        // Previews also show the steps nothing reads.
        var consumers = _workflow.Consumers();
        outputs.AddRange(_workflow.Nodes
            .Where(n => n is not SinkNode && consumers[n.Id].IsEmpty)
            .Select(n => new Output(n.Id, null)));
        return outputs;
    }

    /// <summary>The nodes the outputs read, directly or not, in topological order.</summary>
    private List<int> Needed(List<Output> outputs)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>();
        foreach (var output in outputs)
        {
            if (output.Sink is { } sink) seen.Add(sink.Id);
            stack.Push(output.Source);
        }
        while (stack.Count > 0)
        {
            int id = stack.Pop();
            if (!seen.Add(id)) continue;
            foreach (var input in _workflow[id].Inputs) stack.Push(input);
        }
        return [.. seen.OrderBy(id => _position[id])];
    }

    /// <summary>The CTEs a query over <paramref name="root"/> needs, in topological order; materialized nodes and scans are read by name.</summary>
    private List<int> Closure(int root, bool includeRoot)
    {
        var seen = new HashSet<int>();
        var result = new List<int>();
        var stack = new Stack<int>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            int id = stack.Pop();
            if (!seen.Add(id)) continue;
            bool isRoot = id == root;
            if (!isRoot && _kind[id] != Materialization.Cte) continue;
            if (_workflow[id] is ScanNode) continue;
            if (!isRoot || includeRoot) result.Add(id);
            foreach (var input in InputsRead(id)) stack.Push(input);
        }
        result.Sort((a, b) => _position[a].CompareTo(_position[b]));
        return result;
    }

    // ---- names and materialization ------------------------------------------------------------------

    private void NormalizeTableNames(List<int> needed, List<Output> outputs)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in needed)
        {
            var node = _workflow[id];
            if (node is ScanNode scan) _tables[id] = Normalize(scan.Table, node, reported);
            else if (node is SinkNode sink) _tables[id] = Normalize(sink.Table, node, reported);
        }
        foreach (var sink in outputs.Select(o => o.Sink).OfType<SinkNode>())
        {
            foreach (var part in _tables[sink.Id].Parts) CheckLength(part, sink, "table name part", reported);
            if (!sink.Schema.IsOpen)
                foreach (var column in sink.Schema.Columns) CheckLength(column.Name, sink, "column", reported);
        }
    }

    private TableName Normalize(TableName table, RelNode node, HashSet<string> reported)
    {
        int max = Capabilities.MaxTableNameParts;
        if (table.Parts.Count <= max) return table;
        var kept = new TableName(table.Parts.Items.RemoveRange(0, table.Parts.Count - max));
        if (reported.Add("parts|" + table))
            _context.Report(DiagnosticCodes.TableNamePartDropped, node,
                $"{_dialect.DisplayName} names tables with at most {max} parts: '{table}' in step '{node.Name}' is written as '{kept}'.",
                "the first part names another database; connect to it instead");
        return kept;
    }

    private void CheckLength(string name, RelNode node, string what, HashSet<string> reported)
    {
        int bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes <= Capabilities.MaxIdentifierBytes || !reported.Add("length|" + name)) return;
        _context.Report(DiagnosticCodes.IdentifierTooLong, node,
            $"The {what} '{name}' in step '{node.Name}' is {bytes} bytes long; {_dialect.DisplayName} allows {Capabilities.MaxIdentifierBytes}.",
            "rename it: the warehouse would cut or reject it");
    }

    private void DecideMaterialization(List<int> needed)
    {
        foreach (var id in needed)
        {
            var node = _workflow[id];
            if (node is SinkNode) continue;
            var requested = Mode == EmitMode.Query ? Materialization.Cte : _options.Plan.For(id);
            var (effective, reason) = Resolve(requested);
            _kind[id] = effective;
            if (reason is not null)
                _context.Report(DiagnosticCodes.MaterializationFallback, node,
                    $"Step '{node.Name}' was planned as a {Describe(requested)}, but {reason}: it is a {Describe(effective)} instead.");
        }
    }

    private (Materialization Kind, string? Reason) Resolve(Materialization requested)
    {
        var name = _dialect.DisplayName;
        return requested switch
        {
            Materialization.TempTable when !Capabilities.TemporaryTables && (Capabilities.TemporaryViews || Capabilities.Views) =>
                (Materialization.View, $"{name} has no temporary tables"),
            Materialization.TempTable when !Capabilities.TemporaryTables =>
                (Materialization.Cte, $"{name} has no temporary tables or views"),
            Materialization.View when !Capabilities.TemporaryViews && !Capabilities.Views && Capabilities.TemporaryTables =>
                (Materialization.TempTable, $"{name} cannot create a view without a schema"),
            Materialization.View when !Capabilities.TemporaryViews && !Capabilities.Views =>
                (Materialization.Cte, $"{name} cannot create a view without a schema"),
            _ => (requested, null),
        };
    }

    private static string Describe(Materialization kind) => kind switch
    {
        Materialization.TempTable => "temporary table",
        Materialization.View => "view",
        _ => "CTE",
    };

    private void AssignNames(List<int> needed)
    {
        var reserved = _tables.Values.Where(t => t.Parts.Count == 1).Select(t => t.Table);
        var namer = new RelationNamer(reserved);
        foreach (var id in needed)
        {
            var node = _workflow[id];
            if (node is SinkNode || node is ScanNode && _kind[id] == Materialization.Cte) continue;
            _cteName[id] = namer.Next(node);
            if (_kind[id] != Materialization.Cte) _materializedName[id] = namer.Next(node, "cwf_");
        }
        PlanSpatialJoins(needed, namer);
    }

    /// <summary>How a query reads the rows of a node: its temporary table or view, its table (a scan), or its CTE.</summary>
    private string Relation(int id)
    {
        if (_materializedName.TryGetValue(id, out var materialized)) return materialized;
        return _workflow[id] is ScanNode ? _dialect.TableName(_tables[id]) : _cteName[id];
    }

    // ---- statements ----------------------------------------------------------------------------

    /// <summary>
    /// The query whose rows are node <paramref name="id"/>'s, with the CTEs it needs. The node's own
    /// SELECT is the main query where possible; custom SQL, scans and columns that must be adapted
    /// for storage are read through <c>SELECT columns FROM relation</c>.
    /// </summary>
    private SqlBlock StatementQuery(int id, bool forStorage, bool materializing = false)
    {
        var node = _workflow[id];
        if (node is ScanNode) return _writer.SelectAll(node.Schema, _dialect.TableName(_tables[id]), forStorage);
        if (!materializing && _kind[id] != Materialization.Cte) return _writer.SelectAll(node.Schema, _materializedName[id], forStorage);
        bool direct = QueryWriter.IsSelect(node) && !(forStorage && _dialect.AdaptsOutput(node.Schema));
        if (direct) return Compose(Closure(id, includeRoot: false), _bodies[id]);
        return Compose(Closure(id, includeRoot: true), _writer.SelectAll(node.Schema, _cteName[id], forStorage));
    }

    // Always a new block: the bodies are shared by every statement that reads them.
    private SqlBlock Compose(List<int> ctes, SqlBlock main)
    {
        if (ctes.Count == 0) return new SqlBlock().Append(main);
        var block = new SqlBlock().Line("WITH");
        for (int i = 0; i < ctes.Count; i++)
        {
            block.Line(_cteName[ctes[i]] + " AS (", 2)
                .Append(_bodies[ctes[i]], 4)
                .Line(i < ctes.Count - 1 ? ")," : ")", 2);
        }
        return block.Append(main);
    }

    /// <summary>The statements of a script or procedure body: schemas, temporary relations, outputs, cleanup.</summary>
    private List<SqlBlock> Statements(List<Output> outputs)
    {
        var statements = new List<SqlBlock>();
        if (Capabilities.CreateSchemaIfNotExists)
        {
            var schemas = new List<string>();
            foreach (var sink in outputs.Select(o => o.Sink).OfType<SinkNode>())
            {
                var table = _tables[sink.Id];
                if (table.Parts.Count < 2 || _dialect.DefaultSchemas.Contains(table.Schema!, StringComparer.OrdinalIgnoreCase)) continue;
                var schema = _dialect.TableName(new TableName(table.Parts.Items.RemoveAt(table.Parts.Count - 1)));
                if (!schemas.Contains(schema)) schemas.Add(schema);
            }
            statements.AddRange(schemas.Select(_dialect.CreateSchema));
        }

        // Temporary relations in dependency order: a spatial join's indexed side before the join is read.
        var cleanup = new List<SqlBlock>();
        foreach (var id in _materializedName.Keys.Union(_spatialJoins.Keys).OrderBy(id => _position[id]))
        {
            if (_spatialJoins.TryGetValue(id, out var planned)) statements.AddRange(SpatialJoinSetup(planned, cleanup));
            if (!_materializedName.TryGetValue(id, out var name)) continue;
            var query = StatementQuery(id, forStorage: false, materializing: true);
            if (_kind[id] == Materialization.TempTable)
            {
                statements.Add(_dialect.CreateTemporaryTable(name, query));
                statements.AddRange(_dialect.AfterMaterialize(name, _workflow[id].Schema));
                cleanup.Add(_dialect.DropTemporaryTable(name));
            }
            else
            {
                statements.Add(_dialect.CreateView(name, query));
                cleanup.Add(_dialect.DropView(name));
            }
        }

        foreach (var output in outputs)
        {
            var sink = output.Sink!;
            var table = _dialect.TableName(_tables[sink.Id]);
            var query = StatementQuery(output.Source, forStorage: true);
            if (sink.Mode == WriteMode.Append)
            {
                statements.AddRange(_dialect.CreateTableForAppend(table, sink.Schema, query));
                statements.Add(_dialect.InsertInto(table, sink.Schema.IsOpen ? [] : [.. sink.Schema.Names.Select(_dialect.Identifier)], query));
            }
            else statements.AddRange(_dialect.CreateTableAs(table, query));
        }

        cleanup.Reverse();
        statements.AddRange(cleanup);
        return statements;
    }

    private string AssembleScript(List<Output> outputs)
    {
        var statements = Statements(outputs);
        ReportAtomicity(outputs);
        var sb = Header();
        bool transaction = Capabilities.BeginTransaction is not null && statements.Count > 0;
        if (transaction) sb.Append('\n').Append(Capabilities.BeginTransaction).Append(";\n");
        foreach (var statement in statements)
        {
            sb.Append('\n');
            statement.Suffix(";").WriteTo(sb);
        }
        if (transaction) sb.Append('\n').Append(Capabilities.CommitTransaction).Append(";\n");
        return sb.ToString();
    }

    private void ReportAtomicity(List<Output> outputs)
    {
        if (outputs.Count == 0) return;
        if (Capabilities.BeginTransaction is null && outputs.Count > 1)
            _context.Report(DiagnosticCodes.NonTransactionalScript, null,
                $"{_dialect.DisplayName} commits each statement on its own: if one output fails, the outputs written before it stay written.");
        else if (Capabilities.BeginTransaction is not null && !Capabilities.TransactionalDdl && outputs.Any(o => o.Sink!.Mode == WriteMode.Replace))
            _context.Report(DiagnosticCodes.NonTransactionalScript, null,
                $"{_dialect.DisplayName} commits each CREATE TABLE as it runs: the transaction makes only the appends atomic.");
    }

    private string AssembleProcedure(List<Output> outputs)
    {
        var body = new SqlBlock();
        foreach (var statement in Statements(outputs)) body.Append(statement.Suffix(";"));
        var name = ProcedureName(outputs);
        if (name is null) return "";
        var sb = Header();
        sb.Append("-- Run: ").Append(_dialect.ProcedureCall(name, _arguments)).Append(";\n\n");
        if (_dialect.ProcedureBodyProblem(body.ToString()) is { } problem)
        {
            _context.Report(DiagnosticCodes.ProcedureBodyConflict, null, problem, "emit a script instead");
            return "";
        }
        _dialect.Procedure(name, _arguments, body).Suffix(";").WriteTo(sb);
        return sb.ToString();
    }

    private string? ProcedureName(List<Output> outputs)
    {
        var text = _options.ProcedureName ?? "cwf_" + (RelationNamer.Sanitize(_workflow.Name) is { Length: > 0 } s ? s : "workflow");
        var name = TableName.TryParse(text) ?? new TableName([RelationNamer.Sanitize(text)]);
        if (Capabilities.ProcedureNeedsSchema && name.Parts.Count == 1)
        {
            var home = outputs.Select(o => o.Sink).OfType<SinkNode>().Select(s => _tables[s.Id]).FirstOrDefault(t => t.Parts.Count >= 2);
            if (home is null)
            {
                _context.Report(DiagnosticCodes.ProcedureNeedsSchema, null,
                    $"A {_dialect.DisplayName} procedure lives in a dataset, and no output names one for '{name}'.",
                    "give the procedure a qualified name (dataset.name)");
                return null;
            }
            name = new TableName(home.Parts.Items.RemoveAt(home.Parts.Count - 1).Add(name.Table));
        }
        return _dialect.TableName(name);
    }

    private string AssembleQueries(List<Output> outputs)
    {
        var sb = Header();
        foreach (var output in outputs)
        {
            var label = output.Sink is { } sink ? $"output {_tables[sink.Id]}" : $"step '{_workflow[output.Source].Name}'";
            sb.Append("\n-- ").Append(label).Append('\n');
            StatementQuery(output.Source, forStorage: false).Suffix(";").WriteTo(sb);
        }
        return sb.ToString();
    }

    private StringBuilder Header()
    {
        var sb = new StringBuilder();
        sb.Append("-- Workflow '").Append(_workflow.Name.Replace('\n', ' ')).Append("' compiled by cwf for ")
          .Append(_dialect.DisplayName).Append(" (").Append(Mode.ToString().ToLowerInvariant()).Append(").\n");
        foreach (var note in _context.ScriptNotes)
            sb.Append("-- Needs ").Append(note.Message.StartsWith("needs ", StringComparison.Ordinal) ? note.Message[6..] : note.Message)
              .Append(note.Hint is null ? "" : ": " + note.Hint).Append('\n');
        return sb;
    }
}
