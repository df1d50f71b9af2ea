using System.Text.RegularExpressions;

namespace Tandem.Server.Tests;

/// <summary>An HTTP answer as the access suite compares them: status, headers (but the date) and body.</summary>
internal sealed partial record Answer(int Status, string Headers, string Body)
{
    public static async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers.Concat(response.Content.Headers).Where(h => h.Key != "Date")
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}").Order(StringComparer.Ordinal);
        return new Answer((int)response.StatusCode, string.Join("\n", headers), await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The answer with <paramref name="id"/> (as sent, and as the server decoded it) written as {id}
    /// and the trace id left out, to compare answers about different ids.
    /// </summary>
    public string Normalised(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var text = $"{Status}\n{Headers}\n{TraceId().Replace(Body, string.Empty)}";
        return id.Length == 0 ? text : text.Replace(id, "{id}", StringComparison.Ordinal).Replace(Uri.UnescapeDataString(id), "{id}", StringComparison.Ordinal);
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
