namespace Cwf.Ir;

public enum WriteMode
{
    /// <summary>Drop and re-create the table.</summary>
    Replace,
    /// <summary>Insert the rows into the existing table.</summary>
    Append,
}

/// <summary>Writes its input to a warehouse table. A sink has no consumers.</summary>
public sealed record SinkNode(int Id, string Name, int Input, TableName Table, WriteMode Mode, Schema InputSchema) : UnaryNode(Id, Name, Input)
{
    public override Schema Schema => InputSchema;
}
