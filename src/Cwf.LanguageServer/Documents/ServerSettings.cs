using System.Text.Json;

namespace Cwf.LanguageServer.Documents;

/// <summary>
/// What the client configures (initializationOptions, or the <c>cwf</c> section of workspace/didChangeConfiguration):
/// the dialect whose capability diagnostics are added, a catalog file that replaces the one found beside each file,
/// and how long diagnostics wait after the last keystroke.
/// </summary>
public sealed record ServerSettings(string? Dialect, string? Catalog, int DebounceMilliseconds)
{
    public static ServerSettings Default { get; } = new(null, null, 150);

    /// <summary>The settings an options object gives, the rest kept; <c>{ "cwf": { ... } }</c> is read as its inner object.</summary>
    public ServerSettings With(JsonElement? options)
    {
        if (options is not { ValueKind: JsonValueKind.Object } o) return this;
        if (o.TryGetProperty("cwf", out var inner) && inner.ValueKind == JsonValueKind.Object) o = inner;
        var settings = this;
        if (o.TryGetProperty("dialect", out var dialect))
            settings = settings with { Dialect = dialect.ValueKind == JsonValueKind.String && dialect.GetString() is { Length: > 0 } d ? d : null };
        if (o.TryGetProperty("catalog", out var catalog))
            settings = settings with { Catalog = catalog.ValueKind == JsonValueKind.String && catalog.GetString() is { Length: > 0 } c ? c : null };
        if (o.TryGetProperty("debounceMilliseconds", out var debounce) && debounce.TryGetInt32(out int ms))
            settings = settings with { DebounceMilliseconds = Math.Clamp(ms, 0, 10_000) };
        return settings;
    }
}
