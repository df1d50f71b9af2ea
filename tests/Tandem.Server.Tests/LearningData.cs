using Microsoft.Extensions.DependencyInjection;
using Tandem.Learning;

namespace Tandem.Server.Tests;

/// <summary>Reviewed examples written for the learning endpoints' tests.</summary>
internal static class LearningData
{
    /// <summary>The text of the one example only the legal group may read, so a leak of it is findable.</summary>
    public const string LegalSecret = "Quillfeather pricing clause of the legal group";

    /// <summary>Adds <paramref name="publicCount"/> reviewed public examples, one the legal group's and one nobody has reviewed.</summary>
    public static async Task SeedAsync(ServerFactory factory, int publicCount = 12)
    {
        var examples = Enumerable.Range(0, publicCount)
            .Select(i => Example($"ex_public_{i:00}", $"Clause {i} on governing law with words term{i} and item{i * 3}.", "public")).ToList();
        examples.Add(Example("ex_legal", LegalSecret + ".", "group:legal"));
        examples.Add(Example("ex_pending", "A clause nobody has reviewed.", "public") with { Reviewed = false });
        await factory.Services.GetRequiredService<IExampleStore>().AddAsync(examples);
    }

    private static TrainingExample Example(string id, string input, string access) =>
        new(id, "clause-review", input, "Governing Law", "medium", "why", "curated", ["doc"], [access], "alice", DateTimeOffset.UnixEpoch, Reviewed: true, NearDuplicateOf: null);
}
