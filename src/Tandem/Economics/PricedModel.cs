namespace Tandem.Economics;

/// <summary>One entry of the price book.</summary>
/// <param name="Id">The model id as used in configuration, e.g. "gpt-4.1-mini".</param>
/// <param name="Provider">Who bills it: openai, anthropic, self-hosted ...</param>
/// <param name="Price">Inference price of the base model.</param>
/// <param name="FineTunedPrice">Inference price of a fine-tune of it, if the provider offers fine-tuning.</param>
/// <param name="TrainingPerMillion">Training price per million training tokens (tokens × epochs), if offered.</param>
/// <param name="Notes">Caveats, e.g. "no self-serve fine-tuning".</param>
public sealed record PricedModel(string Id, string Provider, TokenPrice Price, TokenPrice? FineTunedPrice, decimal? TrainingPerMillion, string? Notes);
