using System.Globalization;
using System.Text.Json;
using Cwf.Ir;

namespace Cwf.Canvas;

/// <summary>
/// The value of a node input as the JSON had it, independent of the parsed document. Inputs are
/// read by their component's parameter kind later, so the raw JSON type is kept (a Number input
/// may hold <c>300</c> or <c>"300"</c>, a column list an array or a comma string).
/// </summary>
public abstract record CanvasValue
{
    /// <summary>The value as text: a string as is, a number as written, true/false, raw JSON for the rest.</summary>
    public abstract string Text { get; }

    /// <summary>A short description of the JSON type, for messages.</summary>
    public abstract string Kind { get; }

    /// <summary>The value of an element of a document parsed by <see cref="Text.JsonInput"/> (whose strings all decode).</summary>
    public static CanvasValue From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new StringValue(element.GetString()!),
        JsonValueKind.Number => new NumberValue(element.GetRawText()),
        JsonValueKind.True => new BoolValue(true),
        JsonValueKind.False => new BoolValue(false),
        JsonValueKind.Null or JsonValueKind.Undefined => NullValue.Instance,
        JsonValueKind.Array => new ListValue([.. element.EnumerateArray().Select(From)]),
        _ => new ObjectValue(element.GetRawText()),
    };
}

public sealed record StringValue(string Value) : CanvasValue
{
    public override string Text => Value;
    public override string Kind => "a string";
}

/// <summary>A JSON number, kept as written so that 10 and 10.0 stay distinguishable.</summary>
public sealed record NumberValue(string Raw) : CanvasValue
{
    public override string Text => Raw;
    public override string Kind => "a number";

    public static NumberValue Of(double value) => new(value.ToString("R", CultureInfo.InvariantCulture));
}

public sealed record BoolValue(bool Value) : CanvasValue
{
    public override string Text => Value ? "true" : "false";
    public override string Kind => "a boolean";
}

public sealed record NullValue : CanvasValue
{
    public static NullValue Instance { get; } = new();
    public override string Text => "";
    public override string Kind => "null";
}

public sealed record ListValue(Seq<CanvasValue> Items) : CanvasValue
{
    public override string Text => string.Join(",", Items.Select(i => i.Text));
    public override string Kind => "an array";
}

/// <summary>A JSON object (Json/GeoJson inputs may hold one), as its raw text.</summary>
public sealed record ObjectValue(string RawJson) : CanvasValue
{
    public override string Text => RawJson;
    public override string Kind => "an object";
}
