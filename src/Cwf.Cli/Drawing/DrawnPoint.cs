namespace Cwf.Cli.Drawing;

/// <summary>A point in picture coordinates: pixels, x to the right, y downwards (SVG's convention).</summary>
internal readonly record struct DrawnPoint(double X, double Y);
