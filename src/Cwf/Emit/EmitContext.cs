using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// The state of one emission: the workflow, dialect and options, how parameters are written,
/// and the diagnostics found (each note reported once).
/// </summary>
internal sealed class EmitContext
{
    private readonly HashSet<string> _reported = [];
    private readonly List<FunctionNote> _scriptNotes = [];
    private readonly Dictionary<string, Parameter> _parameters;
    private readonly IReadOnlyDictionary<string, string> _procedureArguments;

    public EmitContext(Workflow workflow, Dialect dialect, EmitOptions options, IReadOnlyDictionary<string, string> procedureArguments)
    {
        Workflow = workflow;
        Dialect = dialect;
        Options = options;
        _procedureArguments = procedureArguments;
        _parameters = new Dictionary<string, Parameter>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in workflow.Parameters) _parameters.TryAdd(p.Name, p);
    }

    public Workflow Workflow { get; }
    public Dialect Dialect { get; }
    public EmitOptions Options { get; }
    public DiagnosticBag Diagnostics { get; } = new();

    /// <summary>Where the emission's expression writers write (<see cref="ExpressionWriter"/>).</summary>
    public SqlBuffer Sql { get; } = new();

    /// <summary>Where the emission keeps the text of the queries it writes until the script is written.</summary>
    public SqlTextStore Texts { get; } = new();

    /// <summary>Extensions and setup the script needs, in the order first met (for the header).</summary>
    public IReadOnlyList<FunctionNote> ScriptNotes => _scriptNotes;

    public static Location LocationOf(RelNode node) => node.Origin ?? Location.None;

    /// <summary>A parameter: the procedure argument when it is one, else its value as a typed literal.</summary>
    public SqlFragment Parameter(ParamRef reference)
    {
        if (_procedureArguments.TryGetValue(reference.Name, out var argument))
            return Dialect.ProcedureArgumentReference(argument);
        if (!_parameters.TryGetValue(reference.Name, out var parameter))
            throw new InvalidOperationException($"The IR references parameter @{reference.Name}, which the workflow does not declare.");
        return Dialect.Literal(parameter.Value, parameter.Type);
    }

    public bool IsProcedureArgument(ParamRef reference) => _procedureArguments.ContainsKey(reference.Name);

    public void Report(DiagnosticDescriptor descriptor, RelNode? node, string message, params string[] hints) =>
        Diagnostics.Report(descriptor, node is null ? Location.None : LocationOf(node), message, hints);

    /// <summary>Reports a warning about a step once per emit, however many queries write it.</summary>
    public void ReportOnce(DiagnosticDescriptor descriptor, RelNode node, string message, params string[] hints)
    {
        if (_reported.Add($"{descriptor.Code}|{node.Id}")) Report(descriptor, node, message, hints);
    }

    public void FunctionUnavailable(RelNode node, BuiltinFunction function, FunctionMapping mapping) => FunctionUnavailable(node, function.Name, mapping);

    /// <param name="function">The function as the user knows it: an IR function's name, or a spatial aggregate's (<c>st_union_agg</c>).</param>
    public void FunctionUnavailable(RelNode node, string function, FunctionMapping mapping)
    {
        if (!_reported.Add($"unavailable|{node.Id}|{function}")) return;
        Report(DiagnosticCodes.FunctionNotSupported, node,
            $"{Dialect.DisplayName} cannot compute {function}() in step '{node.Name}': {mapping.Unavailable}",
            mapping.Workaround ?? "");
    }

    /// <summary>
    /// The toolbox location as SQL (<see cref="EmitOptions.Toolbox"/>, else the dialect's default) for a use of
    /// the CARTO Analytics Toolbox in <paramref name="node"/> (<paramref name="use"/>: <c>h3_center()</c>, a
    /// procedure's name), reporting once per script where the SQL expects the toolbox. Function templates reach
    /// it through <see cref="SqlTemplate.ToolboxPlaceholder"/>; a step that calls a toolbox procedure calls this.
    /// </summary>
    public string Toolbox(RelNode node, string use)
    {
        var location = Options.Toolbox ?? Dialect.DefaultToolbox
            ?? throw new InvalidOperationException($"{Dialect.DisplayName} has no toolbox location for {use}: the dialect should refuse it.");
        var prefix = Dialect.ToolboxPrefix(location);
        Note(node, use, Dialect.ToolboxNote(prefix));
        return prefix;
    }

    public void FunctionNote(RelNode node, BuiltinFunction function, FunctionNote note) => FunctionNote(node, function.Name, note);

    public void FunctionNote(RelNode node, string function, FunctionNote note) => Note(node, function + "()", note);

    private void Note(RelNode node, string use, FunctionNote note)
    {
        string key = note.IsPerScript ? $"script|{note.Message}" : $"use|{node.Id}|{use}|{note.Message}";
        if (!_reported.Add(key)) return;
        if (note.IsPerScript) _scriptNotes.Add(note);
        var message = note.IsPerScript
            ? $"The {Dialect.DisplayName} SQL for {use} (first used in step '{node.Name}') {note.Message}"
            : $"{Dialect.DisplayName}: {use} in step '{node.Name}' {note.Message}";
        Diagnostics.Add(Diagnostic.Create(note.Descriptor, LocationOf(node), message, note.Hint ?? "").WithSeverity(note.Severity));
    }
}
