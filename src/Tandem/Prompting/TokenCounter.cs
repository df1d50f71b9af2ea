using Microsoft.ML.Tokenizers;

namespace Tandem.Prompting;

/// <summary>
/// Counts tokens with a real tokenizer: o200k_base (GPT-4o, GPT-4.1 families), whose data ships
/// in a NuGet package, so counting works offline. Chat messages cost their content plus a fixed
/// per-message overhead (role and separators) and a reply primer, as OpenAI documents for its
/// chat format.
/// </summary>
public sealed class TokenCounter
{
    /// <summary>Tokens each chat message adds besides its content.</summary>
    public const int PerMessageOverhead = 3;

    /// <summary>Tokens that prime the assistant's reply.</summary>
    public const int ReplyPrimer = 3;

    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public int Count(string text) => string.IsNullOrEmpty(text) ? 0 : O200k.Value.CountTokens(text);

    /// <summary>The prompt tokens of a chat request with these message contents.</summary>
    public int CountChat(IEnumerable<string> messages) => messages.Sum(m => Count(m) + PerMessageOverhead) + ReplyPrimer;
}
