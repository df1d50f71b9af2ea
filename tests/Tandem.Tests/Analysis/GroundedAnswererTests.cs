using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Retrieval;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

public sealed class GroundedAnswererTests : IDisposable
{
    private readonly StoreFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task AnswerAsync_ModelStreamsLines_CitesVerifiedQuotesAndMarksTheRest()
    {
        var answerer = await AnswererOverSupplyAsync();
        // The reply arrives split inside a line, as streams do.
        using var model = new ScriptedChatClient(prompt =>
        {
            var line = prompt.Split('\n').First(l => l.Contains("aggregate liability", StringComparison.Ordinal));
            var n = line[1..line.IndexOf(']', StringComparison.Ordinal)];
            return [$"Liability is capped at twelve months of fees. [{n} \"aggregate liabil", $"ity exceed the fees paid\"]\nFraud is excluded. [{n} \"except in cases of fraud\"]\n"];
        });

        var answer = await answerer.AnswerAsync("What is the limitation of liability?", StoreFixture.Alice, model);

        Assert.Equal("Liability is capped at twelve months of fees. [1]\nFraud is excluded. [unverified]", answer.Text);
        var source = Assert.Single(answer.Sources);
        Assert.Equal(("3", "aggregate liability exceed the fees paid"), (source.Path, source.Quote));
        Assert.Equal(source.Quote.Length, source.End - source.Start);
    }

    [Fact]
    public async Task AnswerAsync_NoModel_QuotesTheBestSentencesWithNumbers()
    {
        var answerer = await AnswererOverSupplyAsync();

        var answer = await answerer.AnswerAsync("Which law governs the agreement?", StoreFixture.Alice);

        Assert.StartsWith("\"This Agreement is governed by the laws of the State of New York.\" (supply v1, clause 4) [1]", answer.Text, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, answer.Sources.Count), answer.Sources.Select(s => s.Number));
    }

    [Theory]
    [InlineData("10.3 Termination for Convenience. The Provider may terminate this Agreement for any reason on sixty (60) days' written notice.")]
    [InlineData("Termination for Convenience.\nThe Provider may terminate this Agreement for any reason on sixty (60) days' written notice.")]
    public void BestSentence_PassageOpeningWithAHeading_QuotesTheHeadingWithTheSentenceThatAnswers(string passage)
    {
        var quote = GroundedAnswerer.BestSentence(passage, "Can the provider terminate for convenience?");

        // The heading alone shares as many of the question's words as the answer and says nothing.
        Assert.Equal(passage, quote);
    }

    [Fact]
    public void BestSentence_ShortOrdinarySentences_StayApart()
    {
        var quote = GroundedAnswerer.BestSentence("The Customer may not terminate early. The Provider may terminate on notice for convenience.", "Can the provider terminate for convenience?");

        Assert.Equal("The Provider may terminate on notice for convenience.", quote);
    }

    [Fact]
    public async Task AnswerAsync_CallerMayReadNothingRelevant_SaysSoWithoutSources()
    {
        var answerer = await AnswererOverSupplyAsync();

        var answer = await answerer.AnswerAsync("Which law governs the agreement?", new Principal("mallory"));

        Assert.Empty(answer.Sources);
        Assert.Contains("nothing to answer from", answer.Text, StringComparison.Ordinal);
    }

    private async Task<GroundedAnswerer> AnswererOverSupplyAsync()
    {
        await _f.Ingestor.IngestFileAsync(_f.Dir.Write("supply.txt", ContractTexts.Supply), StoreFixture.Alice);
        return new GroundedAnswerer(new RetrievalIndex(_f.Store, AccessPolicy.Default));
    }

    /// <summary>A model that streams the pieces a callback makes from the prompt's last message.</summary>
    private sealed class ScriptedChatClient(Func<string, string[]> reply) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Concat(reply(messages.Last().Text)))));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var piece in reply(messages.Last().Text))
            {
                await Task.Yield();
                yield return new ChatResponseUpdate(ChatRole.Assistant, piece);
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
            // Nothing to release.
        }
    }
}
