namespace Tandem.Server.Apis;

/// <summary>A fine-tune job to start.</summary>
/// <param name="DatasetId">One of your datasets (openai-chat format), from POST /api/datasets.</param>
/// <param name="Model">A configured model (Tandem:Models) whose provider runs the job and whose model id is the base.</param>
/// <param name="Epochs">Training epochs, 1-50 (default 3).</param>
/// <param name="Suffix">A suffix for the fine-tuned model's name.</param>
public sealed record FineTuneRequest(string? DatasetId, string? Model, int Epochs = 3, string? Suffix = null);
