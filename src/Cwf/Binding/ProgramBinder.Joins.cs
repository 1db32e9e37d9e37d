using System.Collections.Immutable;
using Cwf.Components;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Binding;

internal sealed partial class ProgramBinder
{
    /// <summary>
    /// The two sides of a join-like step for the component that binds it: the piped relation and the other
    /// one, qualified by the name it was written with, both in scope.
    /// </summary>
    private sealed class JoinSides(ProgramBinder binder, BoundStep main, Relation other, string otherName) : JoinBinding
    {
        private readonly ScopeInput _left = main.Bound.Scope;
        private readonly ScopeInput _right = ScopeInput.Keeping(other.Scope.Schema, otherName, other.Scope.Aliases);

        public override int Main => main.Node;
        public override int Other => other.Node;
        public override string MainName => _left.Qualifier ?? "the piped relation";
        public override string OtherName => otherName;

        public override ColumnArg? MainColumn(NameSyntax name) => binder.ResolveColumnArg(new ExpressionScope([_left], binder._parameterTypes), name, out _);
        public override ColumnArg? OtherColumn(NameSyntax name) => binder.ResolveColumnArg(new ExpressionScope([_right], binder._parameterTypes), name, out _);
        public override ColumnArg? Column(NameSyntax name, out int side) => binder.ResolveColumnArg(BothSides, name, out side);

        public override Expr? Condition(ExpressionSyntax condition, string what) =>
            new ExpressionBinder(BothSides, binder._source, binder.Options(what), binder._diagnostics).BindPredicate(condition, what);

        public override BuiltinFunction? Function(CallSyntax call) =>
            FunctionCatalog.UnqualifiedName([.. call.Name.Select(n => n.Name)]) is { } name && FunctionCatalog.Find(name) is [var function] ? function : null;

        /// <summary>
        /// Main columns keep their names, the other side's get <c>_joined</c>; both sides' qualified names keep
        /// working (<c>blocks.pop</c> is <c>pop_joined</c>).
        /// </summary>
        public override StepBinding Joined(int node)
        {
            // Built in place at its size: a chain of joins carries every earlier side's aliases along.
            var aliases = ImmutableArray.CreateBuilder<ColumnAlias>(
                (_left.Qualifier is null ? 0 : _left.Schema.Count) + _left.Aliases.Length + _right.Schema.Count + _right.Aliases.Length);
            if (_left.Qualifier is { } lq)
                foreach (var c in _left.Schema.Columns) aliases.Add(new ColumnAlias(lq, c.Name, c.Name));
            aliases.AddRange(_left.Aliases);
            // The other side always has a qualifier: the name it was written with.
            foreach (var c in _right.Schema.Columns) aliases.Add(new ColumnAlias(otherName, c.Name, c.Name + "_joined"));
            foreach (var a in _right.Aliases) aliases.Add(a with { Column = a.Column + "_joined" });
            return new BoundStep(binder, new Relation(node, ScopeInput.Keeping(binder._builder.SchemaOf(node), null, aliases.MoveToImmutable())), main.Step);
        }

        private ExpressionScope BothSides => ExpressionScope.Join(_left, _right, binder._parameterTypes);
    }
}
