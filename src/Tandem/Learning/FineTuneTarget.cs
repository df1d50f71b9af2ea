using Tandem.Models;

namespace Tandem.Learning;

/// <summary>A configured model and the fine-tuning backend that reaches its provider.</summary>
/// <param name="Backend">The provider's jobs API.</param>
/// <param name="Endpoint">The configured model: its provider, key variable and base model id.</param>
public sealed record FineTuneTarget(IFineTuneBackend Backend, ModelEndpoint Endpoint)
{
    /// <summary>
    /// A reminder, before OpenAI's self-serve fine-tuning ends, that the same dataset runs elsewhere;
    /// null for other providers and after the date (when the backend refuses instead).
    /// </summary>
    public string? NoticeAt(DateTimeOffset now) =>
        Backend is OpenAiFineTuneBackend { IsOpenAi: true } && now < OpenAiFineTuneBackend.OpenAiSelfServeEnds
            ? $"note: OpenAI stops new self-serve fine-tuning jobs on {OpenAiFineTuneBackend.OpenAiSelfServeEnds:yyyy-MM-dd}; the same dataset runs on Azure OpenAI, Together or Fireworks by BaseUrl, or self-hosted via 'tandem finetune export'"
            : null;
}
