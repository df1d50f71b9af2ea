using System.Text.Json.Serialization;

namespace Tandem.Learning;

/// <summary>Fine-tuning dataset formats Tandem writes and validates.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DatasetFormat>))]
public enum DatasetFormat
{
    /// <summary>OpenAI (and Azure OpenAI, Together) chat fine-tuning: <c>{"messages": [{"role", "content"}]}</c> per line.</summary>
    [JsonStringEnumMemberName("openai-chat")]
    OpenAiChat,

    /// <summary>AWS Bedrock conversational: <c>{"schemaVersion", "system": [{"text"}], "messages": [{"role", "content": [{"text"}]}]}</c>.</summary>
    [JsonStringEnumMemberName("bedrock")]
    Bedrock,

    /// <summary>Hugging Face chat-template datasets (TRL, Axolotl): <c>{"messages": [{"role", "content"}]}</c>.</summary>
    [JsonStringEnumMemberName("hf-messages")]
    HfMessages,
}
