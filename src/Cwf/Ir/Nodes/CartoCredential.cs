namespace Cwf.Ir;

/// <summary>The two credentials of a CARTO account that the toolbox's import procedures take (<see cref="ToolboxArgument.Credential"/>).</summary>
public enum CartoCredential
{
    /// <summary>The address of the account's APIs (<c>https://gcp-us-east1.api.carto.com</c>).</summary>
    ApiBaseUrl,

    /// <summary>An API access token allowed to use the Imports API: a secret.</summary>
    AccessToken,
}
