using Cwf.Emit;

namespace Cwf.Tests.Emit;

/// <summary>The emission's one buffer of expression text: what is taken is a copy, unless it is the very string offered.</summary>
public sealed class SqlBufferTests
{
    [Fact]
    public void Text_equal_to_the_string_offered_is_taken_as_that_string()
    {
        var sql = new SqlBuffer();
        sql.Append("SELECT ");
        var column = string.Concat("fa", "re");
        sql.Append(column);
        Assert.Same(column, sql.Take(7, column));
        Assert.Equal("SELECT ", sql.Take(0));
    }

    [Theory]
    [InlineData("fare + 1", "fare")]
    [InlineData("far", "fare")]
    [InlineData("fare", null)]
    public void Other_text_is_taken_as_a_copy(string written, string? offered)
    {
        var sql = new SqlBuffer();
        sql.Append(written);
        var taken = sql.Take(0, offered);
        Assert.Equal(written, taken);
        Assert.NotSame(offered, taken);
        Assert.Equal(0, sql.Length);
    }
}
