using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tandem.Server.Tests;

/// <summary>Reviews and corrections made over the API, for the tests that need one to start from.</summary>
internal static class Reviewing
{
    /// <summary>Uploads a contract for review and returns the report (JSON), checking the 201.</summary>
    public static async Task<JsonElement> ReviewUploadAsync(HttpClient client, string name, string text, string? access = null)
    {
        using var response = await client.PostAsync("/api/reviews", Contracts.Upload(access, (name, text)));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Marks a report's finding a false positive and returns the correction (JSON), checking the 201.</summary>
    public static async Task<JsonElement> FalsePositiveAsync(HttpClient client, string reportId, int finding)
    {
        using var response = await client.PostAsJsonAsync($"/api/reviews/{reportId}/corrections", new { finding, falsePositive = true });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
