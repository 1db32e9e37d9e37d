using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// The CARTO account credentials a compilation passes to the toolbox's import procedures (spec/canvas.md, "Import from URL"):
/// given on the command line, never written in the workflow; both or neither. <see cref="Connection"/> names the CARTO
/// connection the procedure imports through (null: the warehouse's name).
/// </summary>
public sealed record CartoCredentials(string? ApiBaseUrl, string? AccessToken)
{
    public static CartoCredentials None { get; } = new(null, null);

    /// <summary>The name of the CARTO connection (--carto-connection), IMPORT_URL's <c>connection</c>; null when not given.</summary>
    public string? Connection { get; init; }

    /// <summary>Why <see cref="Connection"/> cannot be passed, and what to do; null when it can (or is not given).</summary>
    public (string Problem, string Hint)? ConnectionProblem() =>
        Connection is { } name && (name.Length == 0 || name.Trim().Length != name.Length)
            ? ("the CARTO connection name is empty or starts or ends with blanks", "write the connection's name as the Connections page of CARTO shows it (--carto-connection, or CARTO_CONNECTION)")
            : null;

    /// <summary>The value of one credential; null when not given.</summary>
    public string? Value(CartoCredential which) => which == CartoCredential.ApiBaseUrl ? ApiBaseUrl : AccessToken;

    /// <summary>Why these credentials cannot be passed, and what to do; null when they can (both given, or neither).</summary>
    public (string Problem, string Hint)? Problem()
    {
        if (ApiBaseUrl is null && AccessToken is null) return null;
        if (AccessToken is null)
            return ("the CARTO API base URL is given without an access token", "give the token too (--carto-token, or CARTO_API_ACCESS_TOKEN), or neither to use the credentials the toolbox's SETUP stored");
        if (ApiBaseUrl is null)
            return ("a CARTO access token is given without the API base URL", "give the URL too (--carto-api-url, or CARTO_API_BASE_URL), or neither to use the credentials the toolbox's SETUP stored");
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme != "https")
            return ($"the CARTO API base URL '{ApiBaseUrl}' is not an https address", "copy it from the Developers section of CARTO, e.g. https://gcp-us-east1.api.carto.com");
        if (AccessToken.Length == 0 || AccessToken.Any(char.IsWhiteSpace))
            return ("the CARTO access token is empty or holds blanks", "copy the whole token from the Developers section of CARTO");
        return null;
    }
}
