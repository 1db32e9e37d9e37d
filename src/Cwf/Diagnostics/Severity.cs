namespace Cwf.Diagnostics;

public enum Severity
{
    Hidden,
    Info,
    Warning,
    Error,
}
