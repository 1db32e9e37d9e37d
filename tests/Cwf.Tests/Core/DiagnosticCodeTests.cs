using Cwf.Diagnostics;

namespace Cwf.Tests.Core;

public class DiagnosticCodeTests
{
    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        var codes = DiagnosticCodes.All.Select(d => d.Code).ToList();
        Assert.NotEmpty(codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^CWF[0-9]{4}$", c));
    }
}
