using Tandem.Learning;

namespace Tandem.Web.Tests.Support;

/// <summary>Registry entries written by the tests.</summary>
public static class TestModels
{
    /// <summary>A self-hosted candidate registered as an admin would, with held-out scores when <paramref name="aupr"/> is given.</summary>
    public static RegisteredModel SelfHosted(string id, double? aupr, string audience) =>
        new(id, ModelService.SelfHostedBackend, "llama", $"http://127.0.0.1:9/v1 model {id}", "hash", DateTimeOffset.UtcNow,
            aupr is { } a ? new GateScores("gate-1", a, new Dictionary<string, CategoryScore> { ["Cap on Liability"] = new(a, 12) }) : null,
            ModelStatus.Candidate, null, null)
        {
            Audience = [audience], Endpoint = new ServedEndpoint(new Uri("http://127.0.0.1:9/v1"), id),
        };
}
