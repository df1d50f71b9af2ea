using System.Text.Json;
using Microsoft.Extensions.AI;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Economics;
using Tandem.Models;
using Tandem.Prompting;
using Tandem.Retrieval;
using Tandem.Server.Identity;
using Tandem.Store;

namespace Tandem.Server.OpenAi;

/// <summary>
/// The OpenAI-compatible endpoints: <c>GET /v1/models</c>, <c>POST /v1/chat/completions</c> (JSON
/// or SSE) and <c>POST /v1/embeddings</c>, for the official clients and anything built on them.
/// They parse, call <see cref="GroundedAnswerer"/> or the caller's embedding, and render; every
/// error on /v1 is in OpenAI's shape.
/// </summary>
public static class OpenAiApi
{
    /// <summary>The local embedding model's id, as listed by /v1/models and stored with the clauses' vectors.</summary>
    public const string EmbeddingModel = MiniLmEmbeddingGenerator.ModelId;

    /// <summary>Inputs one embeddings request may carry (OpenAI's limit).</summary>
    public const int MaxEmbeddingInputs = 2048;

    /// <summary>Characters one request's question or inputs may hold in total.</summary>
    public const int MaxTextLength = 200_000;

    /// <summary>Maps the /v1 endpoints; they require an authenticated caller.</summary>
    public static IEndpointRouteBuilder MapOpenAiApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var v1 = app.MapGroup("/v1").WithTags("OpenAI-compatible").RequireAuthorization()
            .AddEndpointFilter(async (context, next) =>
            {
                try
                {
                    return await next(context);
                }
                catch (OpenAiException e)
                {
                    return Error(e);
                }
                catch (TandemException e)
                {
                    return Error(new OpenAiException(StatusCodes.Status400BadRequest, e.ToUserMessage()));
                }
            });
        v1.MapGet("/models", ListModels).WithName("ListOpenAiModels").WithSummary("The models: tandem-retrieval, the configured LLMs and the embedding")
            .Produces<OpenAiWire.ModelList>();
        v1.MapGet("/models/{id}", GetModel).WithName("GetModel").WithSummary("One model").Produces<OpenAiWire.ModelInfo>();
        v1.MapPost("/embeddings", EmbedAsync).WithName("CreateEmbeddings")
            .WithSummary("Embeds text with the model that embeds the knowledge base (all-MiniLM-L6-v2, 384 dimensions, unless another is configured)")
            .Accepts<OpenAiWire.EmbeddingRequest>("application/json").Produces<OpenAiWire.EmbeddingList>();
        v1.MapPost("/chat/completions", OpenAiChat.CompleteAsync).WithName("CreateChatCompletion")
            .WithSummary("Answers from the documents you may read, citing them as [n]; stream: true for SSE")
            .Accepts<OpenAiWire.ChatCompletionRequest>("application/json")
            .Produces<OpenAiWire.ChatCompletion>()
            .Produces<OpenAiWire.ChatCompletionChunk>(StatusCodes.Status200OK, "text/event-stream");
        return app;
    }

    /// <summary>An OpenAI error response.</summary>
    internal static IResult Error(OpenAiException error) => TypedResults.Json(error.Body, OpenAiWire.Options, statusCode: error.Status);

    /// <summary>Reads a JSON request body, refusing what is not JSON of the expected shape.</summary>
    internal static async Task<T> ReadBodyAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.HasJsonContentType() is false)
        {
            throw new OpenAiException(StatusCodes.Status415UnsupportedMediaType, "Send the body as JSON with 'Content-Type: application/json'");
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, OpenAiWire.Options, cancellationToken)
                ?? throw new OpenAiException(StatusCodes.Status400BadRequest, "The body is JSON null; send a JSON object");
        }
        catch (JsonException e)
        {
            throw new OpenAiException(StatusCodes.Status400BadRequest, $"The body is not valid JSON for this endpoint ({e.Message}); send a JSON object as OpenAI's API reference describes");
        }
    }

    private static IResult ListModels(ModelCatalog catalog, RetrievalIndex index, TimeProvider time) =>
        TypedResults.Json(new OpenAiWire.ModelList("list", Models(catalog, index, time)), OpenAiWire.Options);

    private static IResult GetModel(string id, ModelCatalog catalog, RetrievalIndex index, TimeProvider time) =>
        Models(catalog, index, time).FirstOrDefault(m => m.Id == id) is { } model
            ? TypedResults.Json(model, OpenAiWire.Options)
            : Error(OpenAiException.ModelNotFound(id, "GET /v1/models lists the models"));

    private static List<OpenAiWire.ModelInfo> Models(ModelCatalog catalog, RetrievalIndex index, TimeProvider time)
    {
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        return
        [
            new(GroundedAnswerer.ExtractiveModel, "model", created, "tandem"),
            .. index.EmbeddingModel is { } embedding && catalog.Models.All(m => m.Name != embedding) ? [new OpenAiWire.ModelInfo(embedding, "model", created, "tandem")] : Array.Empty<OpenAiWire.ModelInfo>(),
            .. catalog.Models.Select(m => new OpenAiWire.ModelInfo(m.Name, "model", created, m.Provider)),
        ];
    }

    private static async Task<IResult> EmbedAsync(HttpContext http, RetrievalIndex index, TokenCounter tokens, CancellationToken cancellationToken)
    {
        var request = await ReadBodyAsync<OpenAiWire.EmbeddingRequest>(http.Request, cancellationToken);
        var (generator, model) = index.Embeddings is { } g && index.EmbeddingModel is { } m
            ? (g, m)
            : throw new OpenAiException(StatusCodes.Status400BadRequest, "this server has no embedding model configured");
        if (request.Model != model)
        {
            throw OpenAiException.ModelNotFound(request.Model ?? "(none)", $"the embedding model is '{model}'");
        }

        var base64 = request.EncodingFormat switch
        {
            null or "float" => false,
            "base64" => true,
            var other => throw new OpenAiException(StatusCodes.Status400BadRequest, $"encoding_format '{other}' is not supported; use 'float' or 'base64'", param: "encoding_format"),
        };
        var inputs = Inputs(request.Input);
        var dimensions = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions;
        if (request.Dimensions is { } d && dimensions is not null && d != dimensions)
        {
            throw new OpenAiException(StatusCodes.Status400BadRequest, $"{model} has {dimensions} dimensions, not {d}; leave dimensions out", param: "dimensions");
        }

        // The model is pretrained: a text's vector depends on that text alone, never on the caller's or anyone else's documents.
        var embeddings = await generator.GenerateAsync(inputs, cancellationToken: cancellationToken);
        var data = embeddings.Select((e, i) => new OpenAiWire.EmbeddingItem("embedding", i, base64 ? Base64(e.Vector.Span) : e.Vector.ToArray())).ToList();
        var used = inputs.Sum(tokens.Count);
        return TypedResults.Json(new OpenAiWire.EmbeddingList("list", data, model, new OpenAiWire.EmbeddingUsage(used, used)), OpenAiWire.Options);
    }

    private static List<string> Inputs(JsonElement input)
    {
        var inputs = input.ValueKind switch
        {
            JsonValueKind.String => [input.GetString()!],
            JsonValueKind.Array when input.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) => input.EnumerateArray().Select(e => e.GetString()!).ToList(),
            JsonValueKind.Array => throw new OpenAiException(StatusCodes.Status400BadRequest, "input must be a string or an array of strings; token arrays are not supported", param: "input"),
            _ => throw new OpenAiException(StatusCodes.Status400BadRequest, "input is missing; give a string or an array of strings", param: "input"),
        };
        if (inputs.Count is 0 or > MaxEmbeddingInputs || inputs.Any(string.IsNullOrEmpty))
        {
            throw new OpenAiException(StatusCodes.Status400BadRequest, $"input must hold 1 to {MaxEmbeddingInputs} non-empty strings", param: "input");
        }

        if (inputs.Sum(i => (long)i.Length) > MaxTextLength)
        {
            throw new OpenAiException(StatusCodes.Status400BadRequest, $"input holds more than {MaxTextLength} characters; send fewer or shorter texts", param: "input");
        }

        return inputs;
    }

    /// <summary>OpenAI's base64 form: the float32 values' little-endian bytes.</summary>
    private static string Base64(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>The chat client for a model id: null for the built-in extractive model, else the configured model's pipeline metered to the caller.</summary>
    internal static (IChatClient? Client, ModelEndpoint? Endpoint) ChatClientFor(string? model, Principal caller, IServiceProvider services)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            throw new OpenAiException(StatusCodes.Status400BadRequest, $"model is missing; use '{GroundedAnswerer.ExtractiveModel}' or a model from GET /v1/models", param: "model");
        }

        if (model == GroundedAnswerer.ExtractiveModel)
        {
            return (null, null);
        }

        var catalog = services.GetRequiredService<ModelCatalog>();
        if (catalog.Models.FirstOrDefault(m => m.Name == model) is not { } endpoint)
        {
            throw OpenAiException.ModelNotFound(model, "GET /v1/models lists the models");
        }

        // The store's ledger, whichever store the server runs on.
        var ledger = services.GetRequiredService<IUsageLedgers>().For(caller);
        return (ChatClients.Create(endpoint, ledger, services.GetRequiredService<PriceBook>(), "chat", time: services.GetRequiredService<TimeProvider>()), endpoint);
    }
}
