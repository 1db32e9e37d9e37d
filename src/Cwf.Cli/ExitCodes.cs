namespace Cwf.Cli;

/// <summary>The exit codes of every command (canvas-format.md section 5b).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The input has errors (nothing was emitted), or a check failed.</summary>
    public const int InputErrors = 1;
    /// <summary>The command line itself is wrong: unknown command or option, missing file, unknown dialect.</summary>
    public const int Usage = 2;
    /// <summary>cwf failed (CWF9001, an internal compiler error): a bug in cwf, not in the input.</summary>
    public const int InternalError = 3;
    /// <summary>cwf run: a data check (<c>assert</c>) failed; the outputs were not written (spec/language.md "Data checks").</summary>
    public const int DataCheckFailed = 4;
}
