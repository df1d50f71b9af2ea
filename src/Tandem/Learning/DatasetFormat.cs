namespace Tandem.Learning;

/// <summary>Fine-tuning dataset formats Tandem writes and validates.</summary>
public enum DatasetFormat
{
    /// <summary>OpenAI (and Azure OpenAI, Together) chat fine-tuning: <c>{"messages": [{"role", "content"}]}</c> per line.</summary>
    OpenAiChat,

    /// <summary>AWS Bedrock conversational: <c>{"schemaVersion", "system": [{"text"}], "messages": [{"role", "content": [{"text"}]}]}</c>.</summary>
    Bedrock,

    /// <summary>Hugging Face chat-template datasets (TRL, Axolotl): <c>{"messages": [{"role", "content"}]}</c>.</summary>
    HfMessages,
}
