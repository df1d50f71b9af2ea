using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Tandem.Analysis;
using Tandem.Models;
using Tandem.Prompting;
using Tandem.Server.Identity;

namespace Tandem.Server.OpenAi;

/// <summary>
/// <c>POST /v1/chat/completions</c>: the last user message is the question, answered by
/// <see cref="GroundedAnswerer"/> from the caller's documents; as one JSON completion or, with
/// <c>stream: true</c>, as server-sent events exactly as OpenAI sends them (a role chunk, content
/// chunks, a finish chunk, an optional usage chunk, then <c>data: [DONE]</c>).
/// </summary>
internal static class OpenAiChat
{
    public static async Task<IResult> CompleteAsync(HttpContext http, GroundedAnswerer answerer, TokenCounter tokens, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = CallerPrincipal.FromClaims(http.User);
        var request = await OpenAiApi.ReadBodyAsync<OpenAiWire.ChatCompletionRequest>(http.Request, cancellationToken);
        var question = Question(request);
        if (request.N is { } n && n != 1)
        {
            throw new OpenAiException(StatusCodes.Status400BadRequest, $"n must be 1, not {n}: one grounded answer is given per request", param: "n");
        }

        var (client, endpoint) = OpenAiApi.ChatClientFor(request.Model, caller, http.RequestServices);
        using var _ = client;
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        var model = request.Model!;
        var updates = answerer.StreamAsync(question, caller, client, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (updates)
        {
            // The first piece is awaited before anything is written, so retrieval and model errors still get a status code.
            var any = await Provider(endpoint, () => updates.MoveNextAsync().AsTask());
            if (request.Stream != true)
            {
                var text = new StringBuilder();
                var sources = new List<AnswerSource>();
                for (var more = any; more; more = await Provider(endpoint, () => updates.MoveNextAsync().AsTask()))
                {
                    text.Append(updates.Current.Text);
                    sources.AddRange(updates.Current.NewSources);
                }

                var content = text.ToString().TrimEnd();
                var message = new OpenAiWire.ChatMessageOut("assistant", content, null, sources);
                return TypedResults.Json(new OpenAiWire.ChatCompletion(id, "chat.completion", created, model,
                    [new OpenAiWire.ChatChoice(0, message, "stop", null)], Usage(tokens, question, content)), OpenAiWire.Options);
            }

            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            http.Response.ContentType = "text/event-stream; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            var chunk = (OpenAiWire.ChunkDelta delta, string? finish) =>
                new OpenAiWire.ChatCompletionChunk(id, "chat.completion.chunk", created, model, [new OpenAiWire.ChunkChoice(0, delta, finish, null)], null);
            await WriteEventAsync(http, chunk(new OpenAiWire.ChunkDelta("assistant", string.Empty, null), null), cancellationToken);
            var written = new StringBuilder();
            try
            {
                for (var more = any; more; more = await Provider(endpoint, () => updates.MoveNextAsync().AsTask()))
                {
                    var update = updates.Current;
                    written.Append(update.Text);
                    await WriteEventAsync(http, chunk(new OpenAiWire.ChunkDelta(null, update.Text, update.NewSources.Count > 0 ? update.NewSources : null), null), cancellationToken);
                }
            }
            catch (OpenAiException e)
            {
                // Headers are gone: OpenAI reports a failure mid-stream as an error event.
                await WriteEventAsync(http, e.Body, cancellationToken);
                return Results.Empty;
            }

            await WriteEventAsync(http, chunk(new OpenAiWire.ChunkDelta(null, null, null), "stop"), cancellationToken);
            if (request.StreamOptions?.IncludeUsage == true)
            {
                await WriteEventAsync(http, new OpenAiWire.ChatCompletionChunk(id, "chat.completion.chunk", created, model, [], Usage(tokens, question, written.ToString())), cancellationToken);
            }

            await http.Response.WriteAsync("data: [DONE]\n\n", cancellationToken);
            await http.Response.Body.FlushAsync(cancellationToken);
            return Results.Empty;
        }
    }

    /// <summary>The question: the text of the last user message.</summary>
    private static string Question(OpenAiWire.ChatCompletionRequest request)
    {
        if (request.Messages is not { Count: > 0 } messages)
        {
            throw new OpenAiException(StatusCodes.Status400BadRequest, "messages is missing or empty; send at least one user message", param: "messages");
        }

        var last = messages.LastOrDefault(m => m.Role == "user")
            ?? throw new OpenAiException(StatusCodes.Status400BadRequest, "there is no message with role 'user'; the last user message is the question", param: "messages");
        var text = last.Content.ValueKind switch
        {
            JsonValueKind.String => last.Content.GetString()!,
            JsonValueKind.Array => string.Join("\n", last.Content.EnumerateArray()
                .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("type", out var t) && t.ValueEquals("text") && p.TryGetProperty("text", out var x) && x.ValueKind == JsonValueKind.String)
                .Select(p => p.GetProperty("text").GetString())),
            _ => string.Empty,
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new OpenAiException(StatusCodes.Status400BadRequest, "the last user message has no text; put the question in its content", param: "messages");
        }

        return text.Length <= OpenAiApi.MaxTextLength
            ? text
            : throw new OpenAiException(StatusCodes.Status400BadRequest, $"the question is longer than {OpenAiApi.MaxTextLength} characters; ask a shorter one", param: "messages");
    }

    /// <summary>Runs a step that may call the configured model, turning provider failures into a 502 that says what happened.</summary>
    private static async Task<bool> Provider(ModelEndpoint? endpoint, Func<Task<bool>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception e) when (endpoint is not null && ChatClients.Describe(e, endpoint) is { } described)
        {
            throw new OpenAiException(StatusCodes.Status502BadGateway, described.ToUserMessage(), "server_error", null, "upstream_error");
        }
    }

    private static OpenAiWire.Usage Usage(TokenCounter tokens, string question, string answer)
    {
        var prompt = tokens.Count(question);
        var completion = tokens.Count(answer);
        return new OpenAiWire.Usage(prompt, completion, prompt + completion);
    }

    private static async Task WriteEventAsync<T>(HttpContext http, T value, CancellationToken cancellationToken)
    {
        await http.Response.WriteAsync("data: " + JsonSerializer.Serialize(value, OpenAiWire.Options) + "\n\n", cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }
}
