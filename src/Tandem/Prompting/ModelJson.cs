namespace Tandem.Prompting;

/// <summary>Small repairs of model JSON replies that are safe to make without guessing.</summary>
internal static class ModelJson
{
    /// <summary>The reply without a Markdown code fence (some servers add one even in JSON mode).</summary>
    public static string StripFence(string reply)
    {
        var text = reply.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        text = text.Trim('`').Trim();
        return text.StartsWith("json", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
    }
}
