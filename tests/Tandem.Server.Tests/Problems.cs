using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tandem.Server.Tests;

/// <summary>Checks of the ProblemDetails answers every error of the API is.</summary>
internal static class Problems
{
    /// <summary>The answer has the status, is problem+json, and its detail starts with <paramref name="detailStart"/>; disposes the answer.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailStart)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.TryGetProperty("detail", out var detail), problem.ToString());
            Assert.StartsWith(detailStart, detail.GetString(), StringComparison.Ordinal);
        }
    }
}
