using System.Text.Json.Serialization;

namespace Cwf.Playground.Api;

/// <summary>Serializers generated at build time: the Native AOT command line has no reflection-based JSON.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WorkflowRequest))]
[JsonSerializable(typeof(CheckResponse))]
[JsonSerializable(typeof(CompileResponse))]
[JsonSerializable(typeof(GraphResponse))]
[JsonSerializable(typeof(ImportResponse))]
[JsonSerializable(typeof(RunResponse))]
[JsonSerializable(typeof(FilesResponse))]
[JsonSerializable(typeof(FileResponse))]
public sealed partial class PlaygroundJsonContext : JsonSerializerContext;
