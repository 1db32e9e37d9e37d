using System.Runtime.InteropServices;

namespace Cwf.Benchmarks.Pipeline;

/// <summary>
/// The processor time of the calling thread (Linux: <c>getrusage(RUSAGE_THREAD)</c>, microseconds), so that a
/// stage's time can be told on a machine busy with other work: it leaves out the time the thread waited for a core.
/// Null elsewhere. The collector of this process (workstation, non-concurrent) runs on the allocating thread, so it counts.
/// </summary>
internal static class ThreadClock
{
    private const int RusageThread = 1;

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        // The other fields of struct rusage: fourteen longs, not read.
        public long F0, F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12, F13;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Rusage usage);

    public static double? Milliseconds()
    {
        if (!OperatingSystem.IsLinux() || getrusage(RusageThread, out var u) != 0) return null;
        return (u.UserSeconds + u.SystemSeconds) * 1000.0 + (u.UserMicroseconds + u.SystemMicroseconds) / 1000.0;
    }
}
