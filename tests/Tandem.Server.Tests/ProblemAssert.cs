using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tandem.Server.Tests;

/// <summary>Checks that an answer is ProblemDetails with a status and the library's one-line message.</summary>
internal static class ProblemAssert
{
    /// <summary>Asserts the status, the problem content type and that <c>detail</c> starts with <paramref name="detailStart"/>; returns the problem.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string detailStart)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.TryGetProperty("detail", out var detail), problem.ToString());
            Assert.StartsWith(detailStart, detail.GetString(), StringComparison.Ordinal);
            return problem;
        }
    }
}
