using System.Text.RegularExpressions;

namespace Tandem.Server.Tests;

/// <summary>
/// One request of the access suite: an endpoint (its OpenAPI method and route), what a stranger
/// must get, and the request aimed at <see cref="Target"/> (one of Alice's ids, or her name) or,
/// for the comparison, at <see cref="Missing"/>, an id of the same shape that names nothing.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Route">The route as the OpenAPI document writes it.</param>
/// <param name="Expect">What a stranger must get.</param>
/// <param name="Target">What the request aims at; null when it aims at nothing of Alice's.</param>
/// <param name="Request">Builds the request for a target.</param>
/// <param name="InOpenApi">False for the methods the API does not offer (HEAD, OPTIONS), tried all the same.</param>
internal sealed record AccessProbe(string Method, string Route, AccessExpectation Expect, string? Target, Func<string, HttpRequestMessage> Request, bool InOpenApi = true)
{
    /// <summary>The same request aimed at something that does not exist.</summary>
    public string? Missing => Target is null ? null : MissingOf(Target);

    /// <summary>An id of the same kind and length that names nothing: the run of hex digits after its prefix zeroed (what follows is kept: "%2F.." stays).</summary>
    public static string MissingOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id == "alice")
        {
            return "zelda";
        }

        var cut = Math.Max(id.LastIndexOf('_'), id.LastIndexOf('-')) + 1;
        var run = Regex.Match(id[cut..], "^[0-9a-fA-F]*").Length;
        return id[..cut] + new string('0', run) + id[(cut + run)..];
    }

    /// <summary>The same probe aimed at another target (another kind of id, or a mangled one).</summary>
    public AccessProbe AimedAt(string target) => this with { Target = target };

    public override string ToString() => $"{Method} {Route} -> {(Target is { Length: > 80 } t ? t[..80] + "..." : Target)}";
}
