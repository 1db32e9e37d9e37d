namespace Cwf.Binding;

/// <summary>
/// A relation whose IR node is built when it is first used. The two results of a split are
/// built this way, so that a result nobody reads adds no node (as a canvas handle with no edge).
/// </summary>
internal sealed class PendingRelation
{
    private Func<Relation?>? _build;
    private Relation? _value;

    private PendingRelation(Func<Relation?>? build, Relation? value)
    {
        _build = build;
        _value = value;
    }

    public static PendingRelation Of(Relation? relation) => new(null, relation);
    public static PendingRelation Later(Func<Relation?> build) => new(build, null);

    public bool IsBuilt => _build is null;

    public Relation? Get()
    {
        if (_build is { } build)
        {
            _build = null;
            _value = build();
        }
        return _value;
    }
}
