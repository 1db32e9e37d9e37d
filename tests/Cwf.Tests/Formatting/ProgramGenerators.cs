using CsCheck;

namespace Cwf.Tests.Formatting;

/// <summary>
/// Random valid .cwf programs over one fixed source, written with random spacing, line breaks,
/// keyword case, redundant parentheses and comments: the input of the formatter and robustness properties.
/// </summary>
internal static class ProgramGenerators
{
    public const string Header = """
        source t = table "x.t" { a: int64, b: float64, s: string, d: date, g: geography }
        source u = table "x.u" { k: int64, area: geography }
        param p: int64 = 3
        param r: float64 = 1.5
        """;

    private static readonly Gen<string>[] Numbers = BuildNumbers(3);
    private static readonly Gen<string>[] Bools = BuildBools(3);

    public static Gen<string> Number => Numbers[^1];
    public static Gen<string> Bool => Bools[^1];

    private static Gen<string>[] BuildNumbers(int depth)
    {
        var levels = new Gen<string>[depth + 1];
        levels[0] = Gen.Frequency((4, Gen.OneOf("a", "b", "p", "@r", "`a`", "1.5", "0", "2e3")), (1, Gen.Int[0, 1000].Select(i => i.ToString())));
        for (int d = 1; d <= depth; d++)
        {
            var sub = levels[d - 1];
            var op = Gen.OneOf("+", "-", "*", "/");
            levels[d] = Gen.Frequency(
                (3, sub),
                (3, Gen.Select(sub, op, sub, (x, o, y) => $"{x} {o} {y}")),
                (1, sub.Select(x => $"({x})")),
                (1, sub.Select(x => x.StartsWith('-') ? $"-({x})" : $"-{x}")),
                (1, sub.Select(x => $"abs({x})")),
                (1, Gen.Select(sub, sub, (x, y) => $"coalesce({x}, {y})")),
                (1, sub.Select(x => $"cast({x} as float64)")),
                (1, sub.Select(x => $"({x})::float64")),
                (1, Gen.Select(sub, sub, (x, y) => $"case when a > {x} then {y} else 0 end")));
        }
        return levels;
    }

    private static Gen<string>[] BuildBools(int depth)
    {
        var levels = new Gen<string>[depth + 1];
        var comparison = Gen.Select(Number, Gen.OneOf(">", "<", "=", "!=", "<=", ">=", "<>", "=="), Number, (x, o, y) => $"{x} {o} {y}");
        levels[0] = Gen.Frequency(
            (4, comparison),
            (1, Gen.OneOf("s like 'a%'", "s is null", "s is not null", "a in (1, 2, 3)", "b between 1 and 2",
                "s = 'it''s'", "d > date '2020-01-01'", "true", "s not in ('x')", "upper(s) = 'X'", "st_dwithin(g, g, 2 km)")));
        for (int d = 1; d <= depth; d++)
        {
            var sub = levels[d - 1];
            levels[d] = Gen.Frequency(
                (3, sub),
                (2, Gen.Select(sub, Gen.OneOf("and", "or", "AND", "Or"), sub, (x, o, y) => $"{x} {o} {y}")),
                (1, sub.Select(x => $"not ({x})")),
                (1, sub.Select(x => $"({x})")));
        }
        return levels;
    }

    // Steps that keep the columns of t (plus derived ones), so that any sequence of them is valid.
    private static Gen<string> Step(int index) => Gen.Frequency(
        (4, Bool.Select(b => $"filter {b}")),
        (2, Number.Select(n => $"derive n{index} = {n}")),
        (1, Gen.OneOf("sort a desc", "sort b, s", "take 10", "limit p", "distinct", "select a, b, s, d, g", "select *", "drop d | derive d = date '2000-01-01'")),
        (1, Gen.OneOf("buffer g by 100 m as z" + index, "centroid g as c" + index, "area g in km2 as ar" + index, "distance g, g in mi as di" + index)),
        (1, Gen.OneOf("spatial_filter u on intersects(g, u.area)", "select a, b, s, d, g | union t", "spatial_join u on within(g, u.area) | drop k_joined, area_joined",
            "left spatial_join u on intersects(g, u.area) | drop k_joined, area_joined",
            "nearest 2 from u on g, u.area within 5 km as nd | drop k_joined, area_joined, nd", "nearest 1 from u on g, u.area | drop k_joined, area_joined, distance")),
        (1, Gen.OneOf($"derive w{index} = row_number() over (partition by s order by a desc nulls first, b)",
            $"derive w{index} = sum(b) over (order by a rows between 2 preceding and current row)",
            $"derive w{index} = lag(s, 1, 'none') over (partition by d order by a)",
            $"derive w{index} = count(*) over () | filter w{index} > 1",
            $"select a, b, s, d, g, rank() over (order by b desc) as w{index}",
            "take 2 per s by a desc nulls first", "distinct on (s, d) by b desc", "distinct on (a)")));

    private static Gen<string> Comment => Gen.OneOf("", "", "", "  // note", " /* block */", "  -- sql style");

    /// <summary>A program: the header, one to three lets of random steps, an output per let, comments and noise.</summary>
    public static Gen<string> Program =>
        Gen.Int[1, 3].SelectMany(lets =>
            Gen.Int[0, 6].Array[lets].SelectMany(stepCounts =>
            {
                var statements = Enumerable.Range(0, lets).Select(i =>
                    Enumerable.Range(0, stepCounts[i]).Select(k => Gen.Select(Step(k), Comment, (s, c) => $"\n  | {s}{c}")).ToArray() switch
                    {
                        var steps when steps.Length == 0 => Gen.Const($"let v{i} = {(i == 0 ? "t" : "v" + (i - 1))}"),
                        var steps => Gen.Select(steps.Select(g => (Gen<string>)g).Aggregate((x, y) => Gen.Select(x, y, (a, b) => a + b)),
                            all => $"let v{i} = {(i == 0 ? "t" : "v" + (i - 1))}{all}"),
                    }).ToArray();
                var body = statements.Aggregate((x, y) => Gen.Select(x, y, (a, b) => a + "\n" + b));
                return Gen.Select(body, Comment, (b, c) =>
                    Header + "\n// lets\n" + b + c + "\n" + string.Join("\n", Enumerable.Range(0, lets).Select(i => $"output v{i} -> table \"o.v{i}\"")) + "\n");
            }))
        .SelectMany(Noise);

    // Random but meaning-preserving changes of layout: keyword case, extra blanks and line breaks.
    private static Gen<string> Noise(string program) =>
        Gen.Int[0, 3].Select(kind => kind switch
        {
            0 => program,
            1 => program.Replace("filter ", "FILTER ").Replace("let ", "LET ").Replace(" and ", "  and\n    "),
            2 => program.Replace(" = ", "=").Replace(", ", " ,  ").Replace("| ", "|"),
            // Steps on one line: line comments become block comments so that they do not swallow what follows.
            _ => program.Replace("// note", "/* note */").Replace("-- sql style", "/* sql style */").Replace("\n  |", "  |").Replace("(", "( "),
        });
}
