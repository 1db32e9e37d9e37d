namespace Cwf.Ir;

/// <summary>Reads a warehouse table.</summary>
public sealed record ScanNode(int Id, string Name, TableName Table, Schema TableSchema) : RelNode(Id, Name)
{
    public override Schema Schema => TableSchema;
    public override Seq<int> Inputs => [];
    public override RelNode WithInputs(Seq<int> inputs) => this;
}
