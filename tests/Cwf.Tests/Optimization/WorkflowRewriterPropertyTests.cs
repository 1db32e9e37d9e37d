using Cwf.Ir;
using Xunit.Abstractions;
using Cwf.Optimization;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

// The rewriter keeps its changes in arrays lent by the shared pool and given back by ToWorkflow: random replacements,
// insertions and redirections, over rewriters made one after another on the same thread (so each takes the arrays the
// last gave back), must answer as a plain model of the workflow does, and nothing one rewriting wrote may show in the next.
public class WorkflowRewriterPropertyTests(ITestOutputHelper output)
{
    private static readonly Schema X = new([new Column("x", SqlType.Int64)]);

    // The model: each live filter's input and predicate constant, and what each removed node's readers read now.
    private sealed class Model
    {
        public readonly Dictionary<int, (int Input, long Constant)> Filters = [];
        public readonly Dictionary<int, int> Alias = [];
        public int ScanId;

        public int Resolve(int id)
        {
            while (Alias.TryGetValue(id, out int to)) id = to;
            return id;
        }

        public int Readers(int id) => Filters.Values.Count(f => f.Input == id);
    }

    private static Expr Predicate(long constant) => ExprFactory.Binary(BinaryOp.Greater, ExprFactory.Column(X[0]), Int(constant));

    [Theory]
    [InlineData(20261208)]
    [InlineData(7)]
    [InlineData(424242)]
    public void Random_rewritings_one_after_another_answer_as_the_model_and_leave_nothing_to_the_next(int seed)
    {
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var b = new WorkflowBuilder("t");
        var model = new Model { ScanId = b.Scan(Table("a"), X, "a").Id };
        var ids = new List<int> { model.ScanId };
        for (int i = 0; i < 60; i++)
        {
            long constant = random.Next(5);
            var f = b.Filter(ids[random.Next(ids.Count)], Predicate(constant), FilterBranch.Match, $"f{i}");
            model.Filters[f.Id] = (f.Input, constant);
            ids.Add(f.Id);
        }
        var workflow = b.ToWorkflow();
        for (int round = 0; round < 25; round++)
        {
            var rw = new WorkflowRewriter(workflow);
            // A fresh rewriter over the arrays the last one gave back sees the workflow as it is.
            Check(rw, model, $"seed {seed}, round {round}, before any change");
            int operations = random.Next(1, 40);
            for (int k = 0; k < operations; k++)
            {
                var live = model.Filters.Keys.ToList();
                if (live.Count == 0) break;
                int id = live[random.Next(live.Count)];
                var (input, constant) = model.Filters[id];
                switch (random.Next(4))
                {
                    case 0:
                        long other = constant + 1 + random.Next(3);
                        rw.Replace((FilterNode)rw[id] with { Predicate = Predicate(other) });
                        model.Filters[id] = (input, other);
                        break;
                    case 1 when model.Filters.TryGetValue(input, out var below):
                        rw.Replace((FilterNode)rw[id] with { Input = below.Input });
                        model.Filters[id] = (below.Input, constant);
                        break;
                    case 2:
                        long c = random.Next(5);
                        var inserted = rw.Insert(new FilterNode(rw.NewId(), "g", input, Predicate(c), FilterBranch.Match), before: id);
                        rw.Replace((FilterNode)rw[id] with { Input = inserted.Id });
                        model.Filters[inserted.Id] = (input, c);
                        model.Filters[id] = (inserted.Id, constant);
                        break;
                    case 3:
                        rw.Redirect(id, input);
                        model.Filters.Remove(id);
                        model.Alias[id] = input;
                        foreach (var reader in model.Filters.Where(f => f.Value.Input == id).ToList())
                            model.Filters[reader.Key] = (input, reader.Value.Constant);
                        break;
                }
                if (random.Next(4) == 0) Check(rw, model, $"seed {seed}, round {round}, operation {k}");
            }
            workflow = rw.ToWorkflow();
            Assert.Empty(IrValidator.Validate(workflow));
            Assert.Equal(model.Filters.Count + 1, workflow.Nodes.Length);
            foreach (var (id, (input, constant)) in model.Filters)
            {
                var filter = Assert.IsType<FilterNode>(workflow[id]);
                Assert.Equal(input, filter.Input);
                Assert.Equal(Predicate(constant), filter.Predicate);
                Assert.True(model.Readers(id) == workflow.ReaderCount(id), $"seed {seed}, round {round}: readers of {id}");
            }
            Assert.Equal(model.Readers(model.ScanId), workflow.ReaderCount(model.ScanId));
            // Removed nodes are gone from the workflow; from here on the model knows only live ones.
            model.Alias.Clear();
        }
    }

    private static void Check(WorkflowRewriter rw, Model model, string where)
    {
        Assert.True(rw.Contains(model.ScanId), where);
        Assert.True(model.Readers(model.ScanId) == rw.Readers(model.ScanId), $"{where}: readers of the scan");
        foreach (var (id, (input, _)) in model.Filters)
        {
            Assert.True(rw.Contains(id), $"{where}: {id} exists");
            Assert.True(input == rw.Resolve(((FilterNode)rw[id]).Input), $"{where}: input of {id}");
            Assert.True(model.Readers(id) == rw.Readers(id), $"{where}: readers of {id}");
        }
        foreach (var id in model.Alias.Keys)
        {
            Assert.False(rw.Contains(id), $"{where}: {id} was removed");
            Assert.True(model.Resolve(id) == rw.Resolve(id), $"{where}: {id} resolves");
        }
    }
}
