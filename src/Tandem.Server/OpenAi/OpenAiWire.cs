using System.Text.Json;
using System.Text.Json.Serialization;
using Tandem.Analysis;

namespace Tandem.Server.OpenAi;

/// <summary>
/// The shapes of OpenAI's REST API that the compatible endpoints read and write, serialised with
/// <see cref="Options"/> (snake_case, nulls left out except where OpenAI always sends the field).
/// Only what Tandem uses is modelled; unknown request fields are ignored, as OpenAI's clients
/// send many. Tandem's one extension is <c>citations</c> on a message and on a streamed delta.
/// </summary>
public static class OpenAiWire
{
    /// <summary>The one serializer setting for the OpenAI wire format.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>POST /v1/chat/completions.</summary>
    public sealed record ChatCompletionRequest(string? Model, IReadOnlyList<ChatMessageIn>? Messages, bool? Stream, StreamOptions? StreamOptions, int? N);

    /// <summary>A request message; content is a string or an array of parts ({"type":"text","text":...}).</summary>
    public sealed record ChatMessageIn(string? Role, JsonElement Content);

    /// <summary>Streaming options: include_usage adds a last chunk with the usage.</summary>
    public sealed record StreamOptions(bool? IncludeUsage);

    /// <summary>A chat completion (object "chat.completion").</summary>
    public sealed record ChatCompletion(string Id, string Object, long Created, string Model, IReadOnlyList<ChatChoice> Choices, Usage Usage);

    /// <summary>One choice of a chat completion.</summary>
    public sealed record ChatChoice(
        int Index,
        ChatMessageOut Message,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FinishReason,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? Logprobs);

    /// <summary>The assistant's message; <c>citations</c> lists the sources its [n] marks refer to.</summary>
    public sealed record ChatMessageOut(
        string Role,
        string Content,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Refusal,
        IReadOnlyList<AnswerSource> Citations);

    /// <summary>A streamed piece (object "chat.completion.chunk").</summary>
    public sealed record ChatCompletionChunk(string Id, string Object, long Created, string Model, IReadOnlyList<ChunkChoice> Choices, Usage? Usage);

    /// <summary>One choice of a chunk.</summary>
    public sealed record ChunkChoice(
        int Index,
        ChunkDelta Delta,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FinishReason,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? Logprobs);

    /// <summary>What a chunk adds: the role (first chunk), text, and the sources first cited in that text.</summary>
    public sealed record ChunkDelta(string? Role, string? Content, IReadOnlyList<AnswerSource>? Citations);

    /// <summary>Token usage.</summary>
    public sealed record Usage(int PromptTokens, int CompletionTokens, int TotalTokens);

    /// <summary>POST /v1/embeddings; input is a string or an array of strings.</summary>
    public sealed record EmbeddingRequest(string? Model, JsonElement Input, string? EncodingFormat, int? Dimensions);

    /// <summary>The embeddings (object "list").</summary>
    public sealed record EmbeddingList(string Object, IReadOnlyList<EmbeddingItem> Data, string Model, EmbeddingUsage Usage);

    /// <summary>One embedding: an array of floats, or base64 of little-endian float32 when asked for.</summary>
    public sealed record EmbeddingItem(string Object, int Index, object Embedding);

    /// <summary>Token usage of an embeddings request.</summary>
    public sealed record EmbeddingUsage(int PromptTokens, int TotalTokens);

    /// <summary>GET /v1/models.</summary>
    public sealed record ModelList(string Object, IReadOnlyList<ModelInfo> Data);

    /// <summary>One model.</summary>
    public sealed record ModelInfo(string Id, string Object, long Created, string OwnedBy);

    /// <summary>OpenAI's error body.</summary>
    public sealed record ErrorResponse(ErrorBody Error);

    /// <summary>What went wrong: a message, a type (invalid_request_error, authentication_error, ...), the parameter, a code.</summary>
    public sealed record ErrorBody(
        string Message,
        string Type,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Param,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Code);
}
