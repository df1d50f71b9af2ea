using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Evaluation;
using Tandem.Prompting;

namespace Tandem.Learning;

/// <summary>
/// Fine-tuning datasets for every surface: build one from the reviewed examples (the access guard
/// for an audience the caller belongs to, the leak check, retrieval-aware chats whose corrections
/// draw distractors from their own contract), validate a file against a provider's rules, keep a
/// built dataset for its owner and stream its files back, and show what was left out as each
/// caller may see it.
/// </summary>
public sealed class DatasetService(IExampleStore examples, ICorrectionStore corrections, IReportStore reports, IDatasetStore datasets, IAccessPolicy access,
    TimeProvider time, ILogger<DatasetService> logger)
{
    /// <summary>The system instructions every example carries: the fine-tuned prompt strategy's.</summary>
    public static string FineTunedInstructions() => PromptStrategy.Load("fine-tuned").Instructions;

    /// <summary>A format by its name: openai-chat, bedrock or hf-messages.</summary>
    public static DatasetFormat ParseFormat(string? name) => name switch
    {
        "openai-chat" => DatasetFormat.OpenAiChat,
        "bedrock" => DatasetFormat.Bedrock,
        "hf-messages" => DatasetFormat.HfMessages,
        var other => throw new TandemException($"unknown dataset format '{other}'", "use openai-chat, bedrock or hf-messages"),
    };

    /// <summary>The annotated clauses of CUAD-style folders: evaluation texts no dataset may contain (the leak check).</summary>
    public static IReadOnlyList<string> EvaluationTexts(IEnumerable<string> cuadFolders) =>
        cuadFolders.SelectMany(folder => CuadDataset.Load(folder).Contracts.SelectMany(c => c.Gold.Values.SelectMany(v => v))).ToList();

    /// <summary>Checks a file against a format's rules: JSON per line, roles and order, content, tokens per example, minimum count.</summary>
    public static DatasetReport Validate(string path, DatasetFormat format) => new DatasetValidator(new TokenCounter()).Validate(path, format);

    /// <summary>
    /// The audience an audience value names (<c>user:x,group:y</c> or <c>public</c>), refused unless
    /// the caller belongs to all of it (or is an admin): naming someone else's audience would pull
    /// their text into a dataset or a model. Null when none is given.
    /// </summary>
    public IReadOnlyList<string>? CheckedAudience(Principal caller, string? spec)
    {
        if (spec is null)
        {
            return null;
        }

        var audience = AccessList.ParseAudience(spec);
        RequireAudience(caller, audience, spec);
        return audience;
    }

    /// <summary>
    /// Builds a dataset into <paramref name="folder"/> (written only when the training file is
    /// valid) for the options' audience, which the caller must belong to.
    /// </summary>
    public async Task<DatasetBuild> BuildAsync(DatasetOptions options, string folder, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireAudience(caller, options.Audience, string.Join(',', options.Audience));
        if (options.RetrievalAware)
        {
            // Corrections carry their contract: their distractors come from it.
            options = options with { Neighbours = await CorrectedReports.NeighboursAsync(corrections, reports, cancellationToken) };
        }

        var build = await new DatasetBuilder(examples, new TokenCounter(), access).BuildAsync(options, folder, cancellationToken);
        logger.LogInformation("{User} built a dataset: {Train} training and {Validation} validation examples, {Excluded} excluded, valid {Valid}",
            caller.UserId, build.Train, build.Validation, build.Excluded.Count, build.TrainReport.IsValid);
        return build;
    }

    /// <summary>
    /// Builds a dataset and keeps it for the caller; a build whose training file fails validation
    /// keeps nothing and is refused with its first problem and the counts of what was left out.
    /// </summary>
    public async Task<StoredDataset> CreateAsync(DatasetOptions options, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(caller);
        var id = "ds_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var build = await BuildAsync(options, datasets.FolderOf(id), caller, cancellationToken);
        var report = build.TrainReport;
        if (!report.IsValid)
        {
            var left = build.Excluded.Count == 0 ? "nothing was left out" : "left out: " + string.Join(", ", ExclusionGroup.Summarise(build.Excluded, caller, access).Select(g => $"{g.Count} ({g.Kind})"));
            throw new TandemException($"the dataset does not pass validation ({report.Issues[0].Message}); nothing was kept ({left})",
                "add examples with 'tandem examples import' or accept pending ones, or widen the audience you may name");
        }

        var dataset = new StoredDataset(id, caller.UserId, options.Audience, time.GetUtcNow(), options.Format, options.RetrievalAware, build.Train, build.Validation,
            build.DatasetHash, report.TotalTokens, report.MeanTokens, report.MaxTokens, build.Excluded);
        await datasets.AddAsync(dataset, cancellationToken);
        return dataset;
    }

    /// <summary>A kept dataset, when it is the caller's (or the caller is an admin); null otherwise, as for a missing one.</summary>
    public async Task<StoredDataset?> GetAsync(string id, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await datasets.GetAsync(id, cancellationToken) is { } dataset && access.CanChange(caller, dataset.Owner) ? dataset : null;
    }

    /// <summary>One of a kept dataset's files as a stream of JSON Lines, when the dataset is the caller's (or the caller is an admin); null otherwise.</summary>
    public async Task<Stream?> OpenAsync(string id, DatasetSplit split, Principal caller, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(id, caller, cancellationToken) is not { } dataset)
        {
            return null;
        }

        try
        {
            return new FileStream(PathOf(dataset, split), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TandemException($"the files of dataset {dataset.Id} are gone from {datasets.FolderOf(dataset.Id)}", "build the dataset again");
        }
    }

    /// <summary>Where one of a kept dataset's files is.</summary>
    public string PathOf(StoredDataset dataset, DatasetSplit split)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Path.Combine(datasets.FolderOf(dataset.Id), split == DatasetSplit.Train ? "train.jsonl" : "valid.jsonl");
    }

    /// <summary>What was left out, one group per kind, naming only what <paramref name="caller"/> may read.</summary>
    public IReadOnlyList<ExclusionGroup> Summarise(IEnumerable<Exclusion> excluded, Principal caller) => ExclusionGroup.Summarise(excluded, caller, access);

    private void RequireAudience(Principal caller, IReadOnlyList<string> audience, string spec)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!access.CanNameAudience(caller, audience))
        {
            throw new TandemException($"you ({caller.UserId}) may only name an audience you belong to: '{spec}' is not yours",
                $"use your own tokens ({string.Join(", ", caller.AccessTokens)}) or 'public', or ask an admin");
        }
    }
}
