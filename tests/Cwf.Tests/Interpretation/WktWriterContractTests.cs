using Cwf.Interpretation.Geo;
using NetTopologySuite.IO;

namespace Cwf.Tests.Interpretation;

/// <summary>
/// Why the WKT writer is ours (README, "Hand-written code that remains"): the interpreter's text must be PostGIS's
/// ST_AsText, and NetTopologySuite's own writer spaces it differently. Reading is NetTopologySuite's WKTReader.
/// </summary>
public class WktWriterContractTests
{
    [Theory]
    [InlineData("POINT(1 2)", "POINT (1 2)")]
    [InlineData("MULTIPOINT((1 2),(3 4))", "MULTIPOINT ((1 2), (3 4))")]
    [InlineData("POLYGON((0 0,1 0,1 1,0 0))", "POLYGON ((0 0, 1 0, 1 1, 0 0))")]
    public void Our_writer_gives_postgis_text_where_netTopologySuite_spaces_it(string postgis, string nts)
    {
        var geometry = Wkt.TryRead(postgis, out var error) ?? throw new InvalidOperationException(error);
        Assert.Equal(postgis, Wkt.Write(geometry));
        Assert.Equal(nts, new WKTWriter().Write(geometry));
    }
}
