using System.Net.Http.Json;
using System.Text.Json;

namespace Tandem.Server.Tests;

/// <summary>Reads a background job's status URL until the job has finished.</summary>
internal static class JobPolling
{
    /// <summary>The status at <paramref name="url"/> once it says succeeded or failed; at most 60 seconds of polling.</summary>
    public static async Task<JsonElement> UntilFinishedAsync(HttpClient client, string url)
    {
        for (var i = 0; i < 600; i++)
        {
            var status = await client.GetFromJsonAsync<JsonElement>(url);
            if (status.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the job at {url} did not finish within 60 seconds");
    }
}
