namespace Cwf.Tests.Infrastructure;

/// <summary>
/// Settings that a test run takes from the environment (scripts/test.sh documents them).
/// </summary>
public static class TestSettings
{
    public const string PropertyIterationsVariable = "CWF_PROPERTY_ITERATIONS";
    public const string AcceptSnapshotsVariable = "CWF_ACCEPT_SNAPSHOTS";

    /// <summary>
    /// Iterations per property test: <c>CWF_PROPERTY_ITERATIONS</c>, 100 when unset; the default of
    /// <see cref="Property.Check{T}"/>; many properties run a multiple of it.
    /// </summary>
    public static int PropertyIterations { get; } = ReadPositiveInt(PropertyIterationsVariable) ?? 100;

    /// <summary>Whether snapshot mismatches are accepted (<c>CWF_ACCEPT_SNAPSHOTS=1</c>).</summary>
    public static bool AcceptSnapshots => Environment.GetEnvironmentVariable(AcceptSnapshotsVariable) is "1" or "true";

    private static int? ReadPositiveInt(string variable)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return null;
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{variable} must be a positive integer, not '{text}'.");
    }
}
