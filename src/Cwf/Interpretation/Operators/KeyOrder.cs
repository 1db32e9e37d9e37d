namespace Cwf.Interpretation.Operators;

/// <summary>How one ordering key compares rows: its direction and where its NULLs go.</summary>
internal readonly record struct KeyOrder(bool Descending, bool NullsFirst);
