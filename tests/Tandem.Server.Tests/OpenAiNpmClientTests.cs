using System.Diagnostics;
using System.Text.Json;
using Tandem.Access;

namespace Tandem.Server.Tests;

/// <summary>
/// The official <c>openai</c> npm package (installed by the test into a temp folder, reused while
/// it holds the pinned version) calling the server on a real port from node.
/// </summary>
public sealed class OpenAiNpmClientTests
{
    /// <summary>A release that supports node 20 and streams, lists models and embeds (base64 by default).</summary>
    private const string PackageVersion = "5.12.0";

    private static readonly Principal Alice = new("alice");

    private const string Script = """
        import OpenAI from 'openai';
        const client = new OpenAI({ apiKey: process.env.TANDEM_KEY, baseURL: process.env.TANDEM_BASE });
        const question = [{ role: 'user', content: 'Who may terminate the agreement, and on what notice?' }];
        const models = [];
        for await (const model of client.models.list()) models.push(model.id);
        const completion = await client.chat.completions.create({ model: 'tandem-retrieval', messages: question });
        const stream = await client.chat.completions.create({ model: 'tandem-retrieval', messages: question, stream: true, stream_options: { include_usage: true } });
        let streamed = '', chunks = 0, finish = null, usage = null;
        const streamCitations = [];
        for await (const chunk of stream) {
          chunks++;
          if (chunk.usage) usage = chunk.usage;
          for (const choice of chunk.choices) {
            streamed += choice.delta?.content ?? '';
            streamCitations.push(...(choice.delta?.citations ?? []));
            finish = choice.finish_reason ?? finish;
          }
        }
        const embeddings = await client.embeddings.create({ model: 'all-MiniLM-L6-v2', input: ['either party terminate', 'either party liability'] });
        const floats = await client.embeddings.create({ model: 'all-MiniLM-L6-v2', input: 'either party terminate', encoding_format: 'float' });
        console.log(JSON.stringify({
          models,
          content: completion.choices[0].message.content,
          citations: completion.choices[0].message.citations,
          finish: completion.choices[0].finish_reason,
          streamed, chunks, streamFinish: finish, streamCitations, usage,
          embeddings: embeddings.data.map(d => d.embedding),
          floats: floats.data[0].embedding,
        }));
        """;

    [Fact]
    public async Task NpmClient_ModelsChatStreamingAndEmbeddings_AllWork()
    {
        var folder = await InstallAsync();
        await using var server = new KestrelServer();
        var stored = await server.IngestAsync("supply.txt", Contracts.Supply, Alice);
        var script = Path.Combine(folder, $"calls-{Guid.NewGuid():N}.mjs");
        await File.WriteAllTextAsync(script, Script);
        try
        {
            var (exit, output, errors) = await RunAsync("node", [script], folder, new()
            {
                ["TANDEM_KEY"] = server.KeyFor(Alice),
                ["TANDEM_BASE"] = new Uri(server.BaseAddress, "/v1").ToString(),
            });
            Assert.True(exit == 0, $"node exited {exit}: {errors}");
            var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;

            Assert.Contains("tandem-retrieval", result.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
            var content = result.GetProperty("content").GetString()!;
            Assert.Contains("ninety days' written notice", content, StringComparison.Ordinal);
            Assert.Contains("[1]", content, StringComparison.Ordinal);
            Assert.Equal("stop", result.GetProperty("finish").GetString());
            Assert.Equal(stored.DocumentId, result.GetProperty("citations")[0].GetProperty("document_id").GetString());
            Assert.Equal(content, result.GetProperty("streamed").GetString()!.TrimEnd());
            Assert.True(result.GetProperty("chunks").GetInt32() >= 3);
            Assert.Equal("stop", result.GetProperty("streamFinish").GetString());
            Assert.Equal(stored.DocumentId, result.GetProperty("streamCitations")[0].GetProperty("document_id").GetString());
            Assert.True(result.GetProperty("usage").GetProperty("completion_tokens").GetInt32() > 0);
            var embeddings = result.GetProperty("embeddings");
            Assert.Equal(2, embeddings.GetArrayLength());
            // The package asks for base64 and decodes it; it must give the floats the float form gives.
            Assert.Equal(result.GetProperty("floats").EnumerateArray().Select(e => e.GetSingle()), embeddings[0].EnumerateArray().Select(e => e.GetSingle()));
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>Installs the pinned package once into a temp folder; later runs reuse it.</summary>
    private static async Task<string> InstallAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"tandem-openai-npm-{PackageVersion}");
        var installed = Path.Combine(folder, "node_modules", "openai", "package.json");
        if (File.Exists(installed) && File.ReadAllText(installed).Contains($"\"version\": \"{PackageVersion}\"", StringComparison.Ordinal))
        {
            return folder;
        }

        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "package.json"), """{ "name": "tandem-openai-client-test", "private": true, "type": "module" }""");
        var (exit, _, errors) = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", $"openai@{PackageVersion}"], folder, []);
        Assert.True(exit == 0, $"npm install openai@{PackageVersion} failed ({exit}): {errors}");
        return folder;
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string file, string[] arguments, string folder, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // With CI=true a missing node is a failure, never a skip.
            Assert.SkipWhen(Environment.GetEnvironmentVariable("CI") != "true", $"{file} is not installed: {e.Message}");
            throw;
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in 3 minutes");
            }

            return (process.ExitCode, await output, await errors);
        }
    }
}
