namespace Cwf.Ir;

/// <summary>A node with exactly two inputs, left and right (joins, semi joins, nearest neighbours).</summary>
public abstract record BinaryNode(int Id, string Name, int Left, int Right) : RelNode(Id, Name)
{
    // The inputs as their two-element list, made when an input is set, as UnaryNode keeps its one: walks
    // ask each node for its inputs several times per pass. A copy with another input makes its own.
    private Seq<int> _inputs = [Left, Right];

    public int Left
    {
        get => _inputs[0];
        init => _inputs = [value, _inputs[1]];
    }

    public int Right
    {
        get => _inputs[1];
        init => _inputs = [_inputs[0], value];
    }

    public override Seq<int> Inputs => _inputs;
    public override RelNode WithInputs(Seq<int> inputs) => this with { Left = inputs[0], Right = inputs[1] };
}
