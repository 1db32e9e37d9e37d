using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Cwf.Diagnostics;

namespace Cwf.Ir;

/// <summary>
/// Names that reach SQL as identifiers — table name parts, column names, step and source names,
/// parameter names — must not hold a NUL, a control character (C0, DEL, C1), a Unicode line or
/// paragraph separator, or an unpaired surrogate. Warehouses and their clients end lines or cut
/// the text at those characters, and no quoting makes that safe. Both front ends check the
/// workflow they built (CWF2090), so every way into the IR passes here once.
/// </summary>
public static class IdentifierRules
{
    /// <summary>
    /// One error per offending name, at the node (or parameter) that introduces it; a column named
    /// after an offending one (<c>x_joined</c>, <c>x_buffer</c>) is not reported again.
    /// </summary>
    public static ImmutableArray<Diagnostic> Check(Workflow workflow)
    {
        var found = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var parameter in workflow.Parameters)
            if (Forbidden(parameter.Name) is { } c)
                found.Add(Report(parameter.Origin, $"the parameter name '{Display(parameter.Name)}' contains {Describe(c)}"));

        // Offending column names per node, to recognise names derived from them downstream. Nearly every node has
        // none: then the walk allocates nothing for it (it runs on every compile, once per node).
        var offending = new Dictionary<int, List<string>>();
        foreach (var node in workflow.Nodes)
        {
            var table = node switch { ScanNode scan => scan.Table, SinkNode sink => sink.Table, _ => null };
            if (table is not null && FirstForbidden(table.Parts) is { } t)
                found.Add(Report(node.Origin, $"the table name '{Display(table.ToString())}' contains {Describe(t)}"));
            // An output's own name is derived from its table's: one error is enough.
            else if (Forbidden(node.Name) is { } n)
                found.Add(Report(node.Origin, $"the name '{Display(node.Name)}' contains {Describe(n)}"));

            List<string>? own = null;
            foreach (var column in node.Schema.Columns)
            {
                if (Forbidden(column.Name) is not { } c) continue;
                if (own is null) offending[node.Id] = own = [];
                own.Add(column.Name);
                if (!DerivedFromOffending(column.Name, node.Inputs, offending))
                    found.Add(Report(node.Origin, $"the column name '{Display(column.Name)}'{InStep(node)} contains {Describe(c)}"));
            }
        }
        return found.ToImmutable();
    }

    // Whether the name holds an offending column name of one of the node's inputs.
    private static bool DerivedFromOffending(string name, Seq<int> inputs, Dictionary<int, List<string>> offending)
    {
        foreach (int input in inputs)
        {
            if (!offending.TryGetValue(input, out var names)) continue;
            foreach (var inherited in names)
                if (name.Contains(inherited, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static char? FirstForbidden(Seq<string> parts)
    {
        foreach (var part in parts)
            if (Forbidden(part) is { } c) return c;
        return null;
    }

    /// <summary>The first character a name must not hold, or null.</summary>
    public static char? Forbidden(string name)
    {
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1])) i++;
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029') return c;
        }
        return null;
    }

    /// <summary>The name with every forbidden character written as <c>\uXXXX</c>, so that a message shows it on one line.</summary>
    public static string Display(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029') sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Describe(char c) =>
        (c switch
        {
            '\0' => "a NUL character",
            '\u2028' => "a line separator",
            '\u2029' => "a paragraph separator",
            _ when char.IsSurrogate(c) => "an unpaired surrogate",
            _ => "a control character",
        }) + $" (U+{(int)c:X4})";

    private static string InStep(RelNode node) => node.Name.Length > 0 && Forbidden(node.Name) is null ? $" in '{node.Name}'" : "";

    private static Diagnostic Report(Location? origin, string message) =>
        Diagnostic.Create(DiagnosticCodes.ControlCharacterInName, origin ?? Location.None, message,
            "names cannot contain control characters, line separators or NUL: remove it");
}
