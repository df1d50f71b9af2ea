using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Tests.Support;

/// <summary>
/// A protocol-faithful fake model provider on 127.0.0.1: OpenAI's chat completions (JSON and
/// SSE streaming with a final usage chunk) and embeddings, Anthropic's messages API, error bodies
/// in each provider's shape, and scripted failures (e.g. 429 with Retry-After). It records every
/// request it receives.
/// </summary>
public sealed class FakeModelServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Func<HttpListenerContext, Task>> _script = new();
    private readonly Task _loop;

    public FakeModelServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/v1/");

    /// <summary>Requests received: method, path, headers and body.</summary>
    public ConcurrentQueue<(string Method, string Path, Dictionary<string, string> Headers, string Body)> Requests { get; } = new();

    /// <summary>The reply text, usage and model id of successful answers.</summary>
    public string ReplyText { get; set; } = "ready";

    /// <summary>When set, computes the reply text from the request body (a scripted "model").</summary>
    public Func<JsonNode, string>? Responder { get; set; }

    public (int Prompt, int Cached, int Completion) Usage { get; set; } = (12, 4, 1);

    /// <summary>When set, fine-tuning jobs end "failed" (with an error object) instead of "succeeded".</summary>
    public bool FailJobs { get; set; }

    /// <summary>Queues an error for the next request (then normal answers resume).</summary>
    public void FailNext(int status, string code, string message, string? retryAfter = null) =>
        _script.Enqueue(context =>
        {
            if (retryAfter is not null)
            {
                context.Response.Headers["Retry-After"] = retryAfter;
            }

            return WriteAsync(context, status, new JsonObject
            {
                ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = null, ["code"] = code },
            }.ToJsonString());
        });

    public void Dispose()
    {
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // Under load HttpListener's endpoint bookkeeping can throw "Address already in use" while unregistering
            // (seen in CI in Close); the listener is stopped either way, and disposing must not fail the test.
        }

        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener.
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body));
            try
            {
                if (_script.TryDequeue(out var scripted))
                {
                    await scripted(context);
                }
                else if (context.Request.Url.AbsolutePath == "/v1/files/upload" || context.Request.Url.AbsolutePath.StartsWith("/v1/fine-tunes", StringComparison.Ordinal))
                {
                    await TogetherFineTuningAsync(context, body);
                }
                else if (context.Request.Url.AbsolutePath.StartsWith("/v1/files", StringComparison.Ordinal)
                    || context.Request.Url.AbsolutePath.StartsWith("/v1/fine_tuning/", StringComparison.Ordinal))
                {
                    await FineTuningAsync(context, body);
                }
                else if (context.Request.Url.AbsolutePath == "/v1/messages" && context.Request.HttpMethod == "POST")
                {
                    await AnthropicAsync(context, JsonNode.Parse(body)!);
                }
                else if (context.Request.Url.AbsolutePath == "/v1/embeddings" && context.Request.HttpMethod == "POST")
                {
                    await EmbedAsync(context, JsonNode.Parse(body)!);
                }
                else if (context.Request.Url.AbsolutePath != "/v1/chat/completions" || context.Request.HttpMethod != "POST")
                {
                    await WriteAsync(context, 404, """{"error":{"message":"Unknown request URL","type":"invalid_request_error","param":null,"code":"unknown_url"}}""");
                }
                else
                {
                    await AnswerAsync(context, JsonNode.Parse(body)!);
                }
            }
            catch (Exception e) when (e is not HttpListenerException)
            {
                // A broken test script must fail the test at once, not hang the client.
                await WriteAsync(context, 500, new JsonObject { ["error"] = new JsonObject { ["message"] = "fake server: " + e.Message, ["type"] = "server_error" } }.ToJsonString());
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, JsonNode request)
    {
        var model = request["model"]!.GetValue<string>();
        var replyText = Responder?.Invoke(request) ?? ReplyText;
        var usage = new JsonObject
        {
            ["prompt_tokens"] = Usage.Prompt,
            ["completion_tokens"] = Usage.Completion,
            ["total_tokens"] = Usage.Prompt + Usage.Completion,
            ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = Usage.Cached },
        };
        if (request["stream"]?.GetValue<bool>() != true)
        {
            await WriteAsync(context, 200, new JsonObject
            {
                ["id"] = "chatcmpl-fake1",
                ["object"] = "chat.completion",
                ["created"] = 1_764_000_000,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = replyText },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = usage,
            }.ToJsonString());
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        var chunks = new List<JsonObject>();
        foreach (var (piece, i) in replyText.Chunk(3).Select((c, i) => (new string(c), i)))
        {
            chunks.Add(Chunk(model, new JsonObject { ["role"] = i == 0 ? "assistant" : null, ["content"] = piece }, null));
        }

        chunks.Add(Chunk(model, new JsonObject(), "stop"));
        var last = Chunk(model, null, null);
        last["choices"] = new JsonArray();
        last["usage"] = usage;
        chunks.Add(last);
        var sse = string.Concat(chunks.Select(c => "data: " + c.ToJsonString() + "\n\n")) + "data: [DONE]\n\n";
        var bytes = Encoding.UTF8.GetBytes(sse);
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private readonly Dictionary<string, JsonObject> _togetherJobs = [];
    private readonly Dictionary<string, List<JsonObject>> _togetherEvents = [];

    /// <summary>
    /// Together's files and fine-tunes API: <c>/files/upload</c> (multipart purpose, file_name,
    /// file), <c>/fine-tunes</c> jobs that advance one state per read (pending, queued, running,
    /// completed, or error when <see cref="FailJobs"/>), their events, checkpoints and cancel.
    /// </summary>
    private Task TogetherFineTuningAsync(HttpListenerContext context, string body)
    {
        var path = context.Request.Url!.AbsolutePath;
        var method = context.Request.HttpMethod;
        lock (_togetherJobs)
        {
            if (path == "/v1/files/upload" && method == "POST")
            {
                foreach (var field in new[] { "purpose", "file_name", "file" })
                {
                    if (!body.Contains($"name={field}", StringComparison.Ordinal) && !body.Contains($"name=\"{field}\"", StringComparison.Ordinal))
                    {
                        return WriteAsync(context, 400, new JsonObject { ["error"] = new JsonObject { ["message"] = field + " is required", ["type"] = "invalid_request_error" } }.ToJsonString());
                    }
                }

                var id = $"file-together-{_files.Count + 1}";
                _files[id] = "together";
                return WriteAsync(context, 200, new JsonObject
                {
                    ["id"] = id, ["object"] = "file", ["created_at"] = 1_764_000_000, ["filename"] = "train.jsonl", ["bytes"] = body.Length, ["purpose"] = "fine-tune",
                    ["Processed"] = true, ["FileType"] = "jsonl", ["LineCount"] = body.Split('\n').Count(l => l.StartsWith('{')),
                }.ToJsonString());
            }

            if (path == "/v1/fine-tunes" && method == "POST")
            {
                var request = JsonNode.Parse(body)!;
                var training = request["training_file"]?.GetValue<string>();
                if (training is null || !_files.ContainsKey(training) || request["model"] is null)
                {
                    return WriteAsync(context, 400, """{"error":{"message":"training_file and model are required","type":"invalid_request_error"}}""");
                }

                var id = $"ft-{_togetherJobs.Count + 1:0000000000}";
                _togetherJobs[id] = new JsonObject
                {
                    ["id"] = id, ["status"] = "pending", ["created_at"] = "2026-11-24T12:00:00Z", ["updated_at"] = "2026-11-24T12:00:00Z",
                    ["model"] = request["model"]!.GetValue<string>(), ["training_file"] = training, ["suffix"] = request["suffix"]?.GetValue<string>(),
                    ["n_epochs"] = request["n_epochs"]?.GetValue<int>(), ["training_type"] = request["training_type"]?.DeepClone(), ["training_method"] = request["training_method"]?.DeepClone(),
                };
                _togetherEvents[id] = [new JsonObject { ["object"] = "fine-tune-event", ["created_at"] = "2026-11-24T12:00:00Z", ["level"] = "info", ["message"] = "Fine tune request created", ["type"] = "job_pending" }];
                return WriteAsync(context, 200, _togetherJobs[id].ToJsonString());
            }

            var match = System.Text.RegularExpressions.Regex.Match(path, "^/v1/fine-tunes/([^/]+)(/events|/checkpoints|/cancel)?$");
            if (!match.Success || !_togetherJobs.TryGetValue(match.Groups[1].Value, out var job))
            {
                return WriteAsync(context, 404, """{"error":{"message":"Fine-tune ID not found","type":"invalid_request_error"}}""");
            }

            var events = _togetherEvents[match.Groups[1].Value];
            void Event(string level, string type, string message) =>
                events.Add(new JsonObject { ["object"] = "fine-tune-event", ["created_at"] = "2026-11-24T12:00:00Z", ["level"] = level, ["message"] = message, ["type"] = type });
            switch (match.Groups[2].Value)
            {
                case "/events":
                    return WriteAsync(context, 200, new JsonObject { ["data"] = new JsonArray(events.Select(e => (JsonNode)e.DeepClone()).ToArray()) }.ToJsonString());
                case "/checkpoints":
                    var done = job["status"]!.GetValue<string>() == "completed";
                    return WriteAsync(context, 200, new JsonObject
                    {
                        ["data"] = done
                            ? new JsonArray(
                                new JsonObject { ["step"] = 10, ["created_at"] = "2026-11-24T12:00:00Z", ["path"] = $"s3://together/{job["id"]}/checkpoint-10", ["checkpoint_type"] = "Intermediate" },
                                new JsonObject { ["step"] = 20, ["created_at"] = "2026-11-24T12:00:00Z", ["path"] = $"s3://together/{job["id"]}/final", ["checkpoint_type"] = "Final" })
                            : new JsonArray(),
                    }.ToJsonString());
                case "/cancel":
                    job["status"] = "cancel_requested";
                    Event("info", "cancel_requested", "Cancel requested");
                    return WriteAsync(context, 200, job.ToJsonString());
                default:
                    var next = job["status"]!.GetValue<string>() switch { "pending" => "queued", "queued" => "running", "running" => FailJobs ? "error" : "completed", "cancel_requested" => "cancelled", var same => same };
                    if (next != job["status"]!.GetValue<string>())
                    {
                        job["status"] = next;
                        if (next == "error")
                        {
                            Event("error", "job_error", "Training data has too few rows.");
                        }
                        else
                        {
                            Event("info", next == "completed" ? "job_complete" : "job_start", "Job " + next);
                        }

                        if (next == "completed")
                        {
                            job["model_output_name"] = $"tandem/{job["model"]}-{job["suffix"]}-abc123";
                            job["token_count"] = 23456;
                        }
                    }

                    return WriteAsync(context, 200, job.ToJsonString());
            }
        }
    }

    private readonly Dictionary<string, string> _files = [];
    private readonly Dictionary<string, JsonObject> _jobs = [];
    private readonly Dictionary<string, List<string>> _events = [];

    /// <summary>
    /// OpenAI files and fine-tuning jobs: uploads are kept; a job advances one state per read
    /// (validating_files, queued, running, succeeded), logging an event at each step.
    /// </summary>
    private Task FineTuningAsync(HttpListenerContext context, string body)
    {
        var path = context.Request.Url!.AbsolutePath;
        var method = context.Request.HttpMethod;
        lock (_jobs)
        {
            if (path == "/v1/files" && method == "POST")
            {
                if (!body.Contains("name=purpose", StringComparison.Ordinal) || !body.Contains("fine-tune", StringComparison.Ordinal))
                {
                    return WriteAsync(context, 400, """{"error":{"message":"purpose must be fine-tune","type":"invalid_request_error"}}""");
                }

                var id = $"file-{_files.Count + 1}";
                var name = System.Text.RegularExpressions.Regex.Match(body, "filename=\"?([^\";\r\n]+)").Groups[1].Value;
                _files[id] = name;
                return WriteAsync(context, 200, new JsonObject { ["id"] = id, ["object"] = "file", ["bytes"] = body.Length, ["created_at"] = 1_764_000_000, ["filename"] = name, ["purpose"] = "fine-tune" }.ToJsonString());
            }

            if (path == "/v1/fine_tuning/jobs" && method == "POST")
            {
                var request = JsonNode.Parse(body)!;
                var training = request["training_file"]?.GetValue<string>();
                if (training is null || !_files.ContainsKey(training))
                {
                    return WriteAsync(context, 400, """{"error":{"message":"invalid training_file","type":"invalid_request_error","param":"training_file"}}""");
                }

                var id = $"ftjob-{_jobs.Count + 1}";
                _jobs[id] = new JsonObject
                {
                    ["id"] = id, ["object"] = "fine_tuning.job", ["model"] = request["model"]!.GetValue<string>(), ["created_at"] = 1_764_000_000,
                    ["fine_tuned_model"] = null, ["status"] = "validating_files", ["training_file"] = training,
                    ["validation_file"] = request["validation_file"]?.GetValue<string>(), ["trained_tokens"] = null, ["error"] = null,
                    ["suffix"] = request["suffix"]?.GetValue<string>(), ["method"] = request["method"]?.DeepClone(),
                };
                _events[id] = ["Validating training file: " + training];
                return WriteAsync(context, 200, _jobs[id].ToJsonString());
            }

            var match = System.Text.RegularExpressions.Regex.Match(path, "^/v1/fine_tuning/jobs/([^/]+)(/events|/checkpoints|/cancel)?$");
            if (!match.Success || !_jobs.TryGetValue(match.Groups[1].Value, out var job))
            {
                return WriteAsync(context, 404, """{"error":{"message":"No such fine-tuning job","type":"invalid_request_error"}}""");
            }

            var jobId = match.Groups[1].Value;
            switch (match.Groups[2].Value)
            {
                case "/events":
                    return WriteAsync(context, 200, new JsonObject
                    {
                        ["object"] = "list",
                        ["data"] = new JsonArray(_events[jobId].AsEnumerable().Reverse().Select((m, i) => (JsonNode)new JsonObject { ["object"] = "fine_tuning.job.event", ["id"] = $"ev-{i}", ["level"] = "info", ["message"] = m }).ToArray()),
                        ["has_more"] = false,
                    }.ToJsonString());
                case "/checkpoints":
                    var model = job["fine_tuned_model"]?.GetValue<string>();
                    return WriteAsync(context, 200, new JsonObject
                    {
                        ["object"] = "list",
                        ["data"] = model is null ? new JsonArray() : new JsonArray(new JsonObject { ["object"] = "fine_tuning.job.checkpoint", ["fine_tuned_model_checkpoint"] = model + ":ckpt-step-10", ["step_number"] = 10 }),
                    }.ToJsonString());
                case "/cancel":
                    job["status"] = "cancelled";
                    _events[jobId].Add("Job cancelled");
                    return WriteAsync(context, 200, job.ToJsonString());
                default:
                    var next = job["status"]!.GetValue<string>() switch { "validating_files" => "queued", "queued" => "running", "running" => FailJobs ? "failed" : "succeeded", var same => same };
                    if (next != job["status"]!.GetValue<string>())
                    {
                        job["status"] = next;
                        _events[jobId].Add("Job " + next);
                        if (next == "failed")
                        {
                            job["error"] = new JsonObject { ["code"] = "invalid_training_file", ["message"] = "The training file has too few examples.", ["param"] = "training_file" };
                        }

                        if (next == "succeeded")
                        {
                            job["fine_tuned_model"] = $"ft:{job["model"]}:tandem:{job["suffix"]}:abc123";
                            job["trained_tokens"] = 12345;
                        }
                    }

                    return WriteAsync(context, 200, job.ToJsonString());
            }
        }
    }

    /// <summary>Anthropic messages: one text block, usage with cache reads.</summary>
    private Task AnthropicAsync(HttpListenerContext context, JsonNode request)
    {
        var replyText = Responder?.Invoke(request) ?? ReplyText;
        return WriteAsync(context, 200, new JsonObject
        {
            ["id"] = "msg_fake1",
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = request["model"]!.GetValue<string>(),
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = replyText }),
            ["stop_reason"] = "end_turn",
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject
            {
                ["input_tokens"] = Usage.Prompt - Usage.Cached,
                ["cache_read_input_tokens"] = Usage.Cached,
                ["cache_creation_input_tokens"] = 0,
                ["output_tokens"] = Usage.Completion,
            },
        }.ToJsonString());
    }

    /// <summary>Queues an Anthropic-shaped error for the next request.</summary>
    public void FailNextAnthropic(int status, string type, string message, string? retryAfter = null) =>
        _script.Enqueue(context =>
        {
            if (retryAfter is not null)
            {
                context.Response.Headers["retry-after"] = retryAfter;
            }

            return WriteAsync(context, status, new JsonObject
            {
                ["type"] = "error",
                ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
            }.ToJsonString());
        });

    /// <summary>Embeddings: a deterministic 16-d bag of hashed lower-case words per input, L2-normalised.</summary>
    private static Task EmbedAsync(HttpListenerContext context, JsonNode request)
    {
        var inputs = request["input"] is JsonArray array ? array.Select(x => x!.GetValue<string>()).ToList() : [request["input"]!.GetValue<string>()];
        var data = new JsonArray();
        var tokens = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = new double[16];
            foreach (var word in inputs[i].ToLowerInvariant().Split([' ', '.', ',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                vector[(int)((uint)word.Aggregate(17, (h, c) => (h * 31) + c) % 16)] += 1;
                tokens++;
            }

            var norm = Math.Sqrt(vector.Sum(x => x * x));
            data.Add(new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = i,
                ["embedding"] = new JsonArray(vector.Select(x => (JsonNode)JsonValue.Create(norm == 0 ? 0 : x / norm)!).ToArray()),
            });
        }

        return WriteAsync(context, 200, new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = request["model"]!.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        }.ToJsonString());
    }

    private static JsonObject Chunk(string model, JsonObject? delta, string? finish) => new()
    {
        ["id"] = "chatcmpl-fake1",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_764_000_000,
        ["model"] = model,
        ["choices"] = delta is null ? new JsonArray() : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };

    private static async Task WriteAsync(HttpListenerContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    /// <summary>The JSON body of a recorded request.</summary>
    public static JsonElement BodyOf((string Method, string Path, Dictionary<string, string> Headers, string Body) request) =>
        JsonDocument.Parse(request.Body).RootElement.Clone();
}
