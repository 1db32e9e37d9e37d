namespace Cwf.Ir;

/// <summary>One output column of a relation: its name, type and whether it may hold NULL.</summary>
public sealed record Column(string Name, SqlType Type, bool Nullable = true)
{
    public override string ToString() => $"{Name}: {Type.Name()}{(Nullable ? "" : " not null")}";
}
