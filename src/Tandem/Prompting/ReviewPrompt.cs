using Microsoft.Extensions.AI;
using Tandem.Store;

namespace Tandem.Prompting;

/// <summary>A built prompt: its messages, the passages in it (numbered from 1, for citation checks) and its size.</summary>
/// <param name="Strategy">The strategy that built it.</param>
/// <param name="Messages">The chat messages to send.</param>
/// <param name="Context">The passages included, in prompt order.</param>
/// <param name="Examples">Worked examples included.</param>
/// <param name="PromptTokens">Prompt tokens by the o200k tokenizer, message overhead included.</param>
/// <param name="OmittedPassages">Passages left out because the context budget was spent.</param>
/// <param name="ExampleTokens">Prompt tokens of the worked-example turns.</param>
public sealed record ReviewPrompt(string Strategy, IReadOnlyList<ChatMessage> Messages, IReadOnlyList<Passage> Context, int Examples, int PromptTokens, int OmittedPassages, int ExampleTokens);
