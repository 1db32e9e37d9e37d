using Xunit.Sdk;

namespace Cwf.Tests.Snapshots;

public sealed class SnapshotTests : IDisposable
{
    // A fake test source file in a temporary directory: the snapshots go to <dir>/snapshots.
    private readonly string _directory = Directory.CreateTempSubdirectory("cwf-snapshot-test-").FullName;
    private string CallerFile => Path.Combine(_directory, "SomeTests.cs");
    private string SnapshotFile(string file) => Path.Combine(_directory, "snapshots", file);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Matching_text_passes_and_removes_a_stale_received_file()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "snapshots"));
        File.WriteAllText(SnapshotFile("plan.verified.sql"), "SELECT 1;\r\nSELECT 2;\r\n");
        File.WriteAllText(SnapshotFile("plan.received.sql"), "old");

        Snapshot.Match("SELECT 1;\nSELECT 2;", "plan", "sql", CallerFile, accept: false);

        Assert.False(File.Exists(SnapshotFile("plan.received.sql")));
    }

    [Fact]
    public void A_difference_fails_with_a_diff_and_writes_the_received_file()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "snapshots"));
        File.WriteAllText(SnapshotFile("plan.verified.sql"), "a\nb\nc\nd\n");

        var failure = Assert.Throws<XunitException>(() => Snapshot.Match("a\nB\nc\nd\ne\n", "plan", "sql", CallerFile, accept: false));

        Assert.Contains("- b", failure.Message);
        Assert.Contains("+ B", failure.Message);
        Assert.Contains("+ e", failure.Message);
        Assert.Equal("a\nB\nc\nd\ne\n", File.ReadAllText(SnapshotFile("plan.received.sql")));
        Assert.Equal("a\nb\nc\nd\n", File.ReadAllText(SnapshotFile("plan.verified.sql")));
    }

    [Fact]
    public void A_missing_verified_file_fails_and_writes_the_received_file()
    {
        var failure = Assert.Throws<XunitException>(() => Snapshot.Match("new output", "fresh", "txt", CallerFile, accept: false));

        Assert.Contains("No verified snapshot", failure.Message);
        Assert.Equal("new output\n", File.ReadAllText(SnapshotFile("fresh.received.txt")));
        Assert.False(File.Exists(SnapshotFile("fresh.verified.txt")));
    }

    [Fact]
    public void Accepting_writes_the_verified_file_and_passes()
    {
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(_directory, "snapshots")).FullName, "x.received.txt"), "stale");

        Snapshot.Match("accepted\r\n", "x", "txt", CallerFile, accept: true);

        Assert.Equal("accepted\n", File.ReadAllText(SnapshotFile("x.verified.txt")));
        Assert.False(File.Exists(SnapshotFile("x.received.txt")));
        Snapshot.Match("accepted", "x", "txt", CallerFile, accept: false);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/abs")]
    [InlineData("")]
    public void Names_stay_inside_the_snapshots_directory(string name) =>
        Assert.Throws<ArgumentException>(() => Snapshot.Paths(name, "txt", CallerFile));

    [Fact]
    public void Snapshots_live_beside_the_calling_test_file()
    {
        var (verified, received) = Snapshot.Paths("group/name", "sql", CallerFile);
        Assert.Equal(SnapshotFile("group/name.verified.sql"), verified);
        Assert.Equal(SnapshotFile("group/name.received.sql"), received);
    }

    [Fact]
    public void The_helper_matches_a_committed_snapshot() =>
        Snapshot.Match("This file is compared by SnapshotTests.\nIt shows where snapshots live.\n", "example");

    [Fact]
    public void The_diff_shows_changes_with_context_in_hunks()
    {
        var expected = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"line {i}"));
        var actual = expected.Replace("line 5\n", "line five\n").Replace("line 25\n", "");

        var diff = TextDiff.Unified(expected, actual);

        Assert.Equal(
            """
            --- verified
            +++ received
            @@ -2 +2 @@
              line 2
              line 3
              line 4
            - line 5
            + line five
              line 6
              line 7
              line 8
            @@ -22 +22 @@
              line 22
              line 23
              line 24
            - line 25
              line 26
              line 27
              line 28

            """.ReplaceLineEndings("\n"), diff);
    }
}
