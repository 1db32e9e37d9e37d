using Cwf.Diagnostics;

namespace Cwf.Playground.Workbench;

/// <summary>
/// The folder `cwf serve` was started on. The page names files by paths relative to it; a path that
/// leaves it (<c>..</c>, an absolute path, a link pointing out) is refused with CWF8100 before any file is touched.
/// </summary>
public sealed class ServedDirectory
{
    private const long MaxFileBytes = 8 * 1024 * 1024;
    private static readonly string[] WorkflowExtensions = [".cwf", ".json", ".sql"];

    public ServedDirectory(string root)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    /// <summary>The served folder, absolute.</summary>
    public string Root { get; }

    /// <summary>The absolute path of a file named relative to the root, or a CWF8100 diagnostic when it would leave the root.</summary>
    public string? Resolve(string relative, out Diagnostic? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(relative) || Path.IsPathRooted(relative) || relative.Contains('\0'))
            return Refuse(relative, out problem);
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!IsInside(full)) return Refuse(relative, out problem);
        // A link inside the folder must not lead out of it.
        if (new FileInfo(full).LinkTarget is not null && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target && !IsInside(target.FullName))
            return Refuse(relative, out problem);
        return full;
    }

    /// <summary>The text of a file inside the root, or the diagnostic saying why not (CWF8100 outside, CWF8101 missing or unreadable).</summary>
    public (string Path, string? Text, Diagnostic? Problem) Read(string relative)
    {
        var full = Resolve(relative, out var problem);
        if (full is null) return (relative, null, problem);
        try
        {
            if (new FileInfo(full).Length > MaxFileBytes)
                return (relative, null, Diagnostic.Create(DiagnosticCodes.ServedFileUnreadable, new FileLocation(relative), $"'{relative}' is larger than {MaxFileBytes / (1024 * 1024)} MB"));
            return (relative, File.ReadAllText(full), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            return (relative, null, Diagnostic.Create(DiagnosticCodes.ServedFileUnreadable, new FileLocation(relative), $"cannot read '{relative}': {reason}",
                "the file list (GET /api/files) names every workflow of the served folder"));
        }
    }

    /// <summary>Every workflow the page can open (.cwf programs, canvas exports, generated .sql), as sorted paths relative to the root with '/'; data folders and catalogs are left out.</summary>
    public IReadOnlyList<string> Workflows()
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint };
        return [.. Directory.EnumerateFiles(Root, "*", options)
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(IsWorkflow)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The data folder of a workflow, as `cwf run --data` is given it for the examples: <c>data/&lt;name&gt;</c> beside a
    /// program (examples/data/school_buffers for examples/school_buffers.cwf), else <c>data</c> beside it (a canvas folder's data).
    /// </summary>
    public string? DataFolderFor(string workflowPath)
    {
        var folder = Path.GetDirectoryName(workflowPath) ?? Root;
        string[] candidates = [Path.Combine(folder, "data", Path.GetFileNameWithoutExtension(workflowPath)), Path.Combine(folder, "data")];
        return candidates.FirstOrDefault(c => IsInside(Path.GetFullPath(c)) && Directory.Exists(c));
    }

    private static bool IsWorkflow(string relative)
    {
        var segments = relative.Split('/');
        if (segments[..^1].Any(s => s is "data" or "node_modules" || s.StartsWith('.'))) return false;
        var name = segments[^1];
        return WorkflowExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase)
            && !name.EndsWith(".catalog.json", StringComparison.OrdinalIgnoreCase) && !name.Equals("catalog.json", StringComparison.OrdinalIgnoreCase);
    }

    private bool IsInside(string full) =>
        full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string? Refuse(string relative, out Diagnostic problem)
    {
        problem = Diagnostic.Create(DiagnosticCodes.ServedPathOutside, new FileLocation(relative),
            $"'{relative}' is not a file inside the served folder", "name files relative to the folder `cwf serve` was started on, without '..'");
        return null;
    }
}
