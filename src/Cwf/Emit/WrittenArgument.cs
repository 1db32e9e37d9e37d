namespace Cwf.Emit;

/// <summary>A template argument written into a <see cref="SqlBuffer"/>: where, how long, and how tightly it binds.</summary>
internal readonly record struct WrittenArgument(int Start, int Length, int Precedence);
