using System.Runtime.CompilerServices;

namespace Cwf.Tests.Infrastructure;

/// <summary>
/// Settings that a test run takes from the environment (scripts/test.sh documents them).
/// </summary>
public static class TestSettings
{
    public const string PropertyIterationsVariable = "CWF_PROPERTY_ITERATIONS";
    public const string AcceptSnapshotsVariable = "CWF_ACCEPT_SNAPSHOTS";

    /// <summary>
    /// Iterations per property test: <c>CWF_PROPERTY_ITERATIONS</c>, 100 when unset. CsCheck's
    /// own default follows it too (see <see cref="PropagateToCsCheck"/>), so a property test
    /// that passes no <c>iter</c> gets the same number.
    /// </summary>
    public static int PropertyIterations { get; } = ReadPositiveInt(PropertyIterationsVariable) ?? 100;

    /// <summary>Whether snapshot mismatches are accepted (<c>CWF_ACCEPT_SNAPSHOTS=1</c>).</summary>
    public static bool AcceptSnapshots => Environment.GetEnvironmentVariable(AcceptSnapshotsVariable) is "1" or "true";

    /// <summary>
    /// CsCheck reads its default iteration count from <c>CsCheck_Iter</c> when it is first used;
    /// this runs before any test, so <c>CWF_PROPERTY_ITERATIONS</c> also sets that default
    /// (an explicit <c>CsCheck_Iter</c> wins).
    /// </summary>
    [ModuleInitializer]
    internal static void PropagateToCsCheck()
    {
        if (ReadPositiveInt(PropertyIterationsVariable) is { } iterations && Environment.GetEnvironmentVariable("CsCheck_Iter") is null)
            Environment.SetEnvironmentVariable("CsCheck_Iter", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int? ReadPositiveInt(string variable)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return null;
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{variable} must be a positive integer, not '{text}'.");
    }
}
