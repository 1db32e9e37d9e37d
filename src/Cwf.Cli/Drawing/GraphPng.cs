using SkiaSharp;
using Svg.Skia;

namespace Cwf.Cli.Drawing;

/// <summary>Renders the SVG of a workflow graph to PNG (Svg.Skia draws it on a SkiaSharp raster, at twice the SVG's size for sharp text).</summary>
internal static class GraphPng
{
    private const float Scale = 2;

    /// <summary>The picture of <paramref name="graph"/> from its SVG text, <paramref name="svgText"/> (sized by the layout, not by Skia's whole-pixel bounds).</summary>
    public static byte[] Render(DrawnGraph graph, string svgText)
    {
        using var svg = new SKSvg();
        var picture = svg.FromSvg(svgText) ?? throw new InvalidOperationException("Svg.Skia could not read the generated SVG.");
        using var bitmap = new SKBitmap((int)Math.Ceiling(graph.Width * Scale), (int)Math.Ceiling(graph.Height * Scale));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(Scale);
            canvas.DrawPicture(picture);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
