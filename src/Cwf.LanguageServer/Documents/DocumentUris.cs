namespace Cwf.LanguageServer.Documents;

/// <summary>File paths of document URIs: a <c>file:</c> URI is the file (its catalog is looked for beside it); any other is kept as it is.</summary>
public static class DocumentUris
{
    public static string ToPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : uri;

    public static string FromPath(string path) => Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : path;
}
