using Tandem.Models;
using Tandem.Prompting;

namespace Tandem.Evaluation;

/// <summary>
/// One configuration of <c>tandem eval compare</c>: <c>local</c> (the local analyst), or
/// <c>&lt;model&gt;:&lt;strategy&gt;</c> with retrieval, or <c>&lt;model&gt;:&lt;strategy&gt;:no-retrieval</c>.
/// </summary>
public sealed record CompareConfig(string Name, ModelEndpoint? Model, PromptStrategy? Strategy, bool Retrieval)
{
    /// <summary>Parses a configuration; <paramref name="catalog"/> is consulted only for model configurations.</summary>
    public static CompareConfig Parse(string text, Func<ModelCatalog> catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        if (text == "local")
        {
            return new CompareConfig(text, null, null, true);
        }

        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || (parts.Length == 3 && parts[2] != "no-retrieval"))
        {
            throw new TandemException($"unknown comparison configuration '{text}'",
                "use local, <model>:<strategy> or <model>:<strategy>:no-retrieval, e.g. --configs local,base:few-shot,ft:fine-tuned,ft:fine-tuned:no-retrieval");
        }

        return new CompareConfig(text, catalog().Get(parts[0]), PromptStrategy.Load(parts[1]), parts.Length == 2);
    }
}
