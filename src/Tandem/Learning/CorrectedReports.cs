using Tandem.Access;
using Tandem.Analysis;

namespace Tandem.Learning;

/// <summary>
/// Corrected reports as labelled contracts for the local analyst. A lawyer reviews a whole report
/// and corrects what is wrong, so what was left alone stands: each clause carries the categories
/// of the report's findings that cover it, after the accepted corrections are applied in order
/// (a false positive removes its category, a change of category moves it, a missed finding adds
/// one). Only the newest corrected version of each document is used; the clauses and their
/// features come from the context kept with the report.
/// </summary>
public static class CorrectedReports
{
    /// <summary>
    /// Labels every document with accepted corrections. A report is left out when
    /// <paramref name="heldOut"/> says its document (by source file name) is held out for
    /// evaluation, or when <paramref name="policy"/> says <paramref name="audience"/> may not read a
    /// correction's example (the access guard: a trained model serves everyone in its audience).
    /// </summary>
    public static async Task<CorrectionLabelling> LabelAsync(ICorrectionStore corrections, IReportStore reports, IExampleStore examples,
        IAccessPolicy policy, IReadOnlyCollection<string> audience, Func<string, bool> heldOut, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corrections);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(heldOut);
        var accepted = (await corrections.ListAsync(cancellationToken: cancellationToken)).Where(c => c.Accepted).Select(c => c.Correction).ToList();
        var access = (await examples.ListAsync(provenance: "correction", cancellationToken: cancellationToken)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var clauses = new List<LabelledClause>();
        var excluded = new List<Exclusion>();
        var used = 0;
        var usedReports = 0;
        // Per document, the newest version that has corrections, labelled on the report of its
        // latest correction. Reports are read a batch at a time: each holds a whole contract.
        var documents = accepted.GroupBy(c => c.DocumentId, StringComparer.Ordinal).Select(document =>
        {
            var version = document.Max(c => c.Version);
            var onVersion = document.Where(c => c.Version == version).OrderBy(c => c.CreatedAt).ToList();
            return (ReportId: onVersion[^1].ReportId, Corrections: onVersion);
        }).ToList();
        foreach (var batch in documents.Chunk(ReportBatch))
        {
            var stored = (await reports.GetForTrainingAsync(batch.Select(d => d.ReportId).ToList(), cancellationToken)).ToDictionary(r => r.ReportId, StringComparer.Ordinal);
            foreach (var (reportId, onVersion) in batch)
            {
                if (!stored.TryGetValue(reportId, out var report))
                {
                    continue;
                }

                if (Reject(report, onVersion, access, policy, audience, heldOut) is { } reason)
                {
                    // The report is as readable as its document, whose list its examples carry.
                    var documentAccess = onVersion.Select(c => access.GetValueOrDefault(c.ExampleId)?.Access).FirstOrDefault(a => a is not null) ?? [];
                    excluded.Add(new Exclusion(report.ReportId, reason.Code, reason.Reason, documentAccess));
                    continue;
                }

                clauses.AddRange(Label(report, onVersion, Path.GetFileNameWithoutExtension(report.Source)));
                used += onVersion.Count;
                usedReports++;
            }
        }

        return new CorrectionLabelling(clauses, usedReports, used, excluded);
    }

    /// <summary>How many stored reports are read at once (each holds a whole contract and its context).</summary>
    private const int ReportBatch = 50;

    /// <summary>Why a corrected report may not label clauses for training, or null when it may.</summary>
    private static (ExclusionCode Code, string Reason)? Reject(RiskReport report, IReadOnlyList<Correction> corrections, IReadOnlyDictionary<string, TrainingExample> examples,
        IAccessPolicy policy, IReadOnlyCollection<string> audience, Func<string, bool> heldOut)
    {
        var name = Path.GetFileNameWithoutExtension(report.Source);
        if (heldOut(name))
        {
            return (ExclusionCode.HeldOut, $"{name} is held out for evaluation");
        }

        if (corrections.Any(c => !examples.TryGetValue(c.ExampleId, out var e) || !policy.AudienceCanRead(audience, e.Access)))
        {
            return (ExclusionCode.AccessGuard, "the audience may not read its document");
        }

        return report.Context switch
        {
            null => (ExclusionCode.NoContext, "stored without its context"),
            { ShowsAllFindings: false } => (ExclusionCode.PartialReport, "made with --no-info or --min-confidence, so the findings it hid would count as wrong"),
            _ => null,
        };
    }

    /// <summary>
    /// For each correction's example: the other clauses of the corrected document that do not
    /// carry the example's category once the report's accepted corrections (and this one) are
    /// applied; the dataset builder draws retrieval-aware distractors from them.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> NeighboursAsync(ICorrectionStore corrections, IReportStore reports,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corrections);
        ArgumentNullException.ThrowIfNull(reports);
        var all = (await corrections.ListAsync(cancellationToken: cancellationToken)).Where(c => c.Review != "rejected").ToList();
        var neighbours = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var batch in all.GroupBy(c => c.Correction.ReportId, StringComparer.Ordinal).Chunk(ReportBatch))
        {
            var stored = (await reports.GetForTrainingAsync(batch.Select(g => g.Key).ToList(), cancellationToken)).ToDictionary(r => r.ReportId, StringComparer.Ordinal);
            foreach (var group in batch)
            {
                if (stored.TryGetValue(group.Key, out var report) && report.Context is { } context)
                {
                    AddNeighbours(neighbours, report, context, group.ToList());
                }
            }
        }

        return neighbours;
    }

    /// <summary>The neighbours of each correction's example in one report.</summary>
    private static void AddNeighbours(Dictionary<string, IReadOnlyList<string>> neighbours, RiskReport report, ReportContext context, IReadOnlyList<RecordedCorrection> group)
    {
        foreach (var recorded in group)
        {
            var c = recorded.Correction;
            var applied = group.Where(o => o.Accepted || o.Correction.Id == c.Id).Select(o => o.Correction).OrderBy(o => o.CreatedAt).ToList();
            var rows = Label(report, applied, string.Empty);
            var category = c.Kind == Correction.FalsePositive ? c.Original!.Category : c.Category ?? c.Original!.Category;
            var k = ClauseCategories.IndexOf(category);
            neighbours[c.ExampleId] = context.Clauses.Select((clause, i) => (clause, i))
                .Where(x => (k < 0 || !rows[x.i].Labels[k]) && x.clause.ClauseId != c.ClauseId && !c.ClauseText.Contains(x.clause.Text, StringComparison.Ordinal))
                .Select(x => x.clause.Text).ToList();
        }
    }

    /// <summary>One report's clauses, labelled by its findings with the corrections applied.</summary>
    public static IReadOnlyList<LabelledClause> Label(RiskReport report, IReadOnlyList<Correction> corrections, string contract)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(corrections);
        var context = report.Context ?? throw new ArgumentException("the report has no context", nameof(report));
        var categories = ClauseCategories.All;
        var labels = context.Clauses.Select(_ => new bool[categories.Count]).ToList();
        void Set(string category, Func<ContextClause, bool> covers, bool value)
        {
            var k = ClauseCategories.IndexOf(category);
            for (var i = 0; i < context.Clauses.Count; i++)
            {
                if (k >= 0 && covers(context.Clauses[i]))
                {
                    labels[i][k] = value;
                }
            }
        }

        static Func<ContextClause, bool> Within(Finding f) => c => c.IsWithin(f);
        foreach (var finding in report.Findings)
        {
            Set(finding.Category, Within(finding), true);
        }

        foreach (var c in corrections)
        {
            switch (c.Kind)
            {
                case Correction.FalsePositive when c.Original is { } original:
                    Set(original.Category, Within(original), false);
                    break;
                case Correction.Change when c.Original is { } original && (c.Category is not null || c.Quote is not null):
                    Set(original.Category, Within(original), false);
                    Set(c.Category ?? original.Category, Pinned(context, c.Quote, Within(original)), true);
                    break;
                case Correction.Missed when c.Category is { } category:
                    Set(category, Pinned(context, c.Quote, clause => clause.ClauseId == c.ClauseId || clause.IsPieceOf(c.ClausePath)), true);
                    break;
            }
        }

        return context.Clauses.Select((clause, i) => new LabelledClause(contract,
            ClauseFeatureRow.For(clause.Text, clause.Heading, clause.Kind, i, context.Clauses.Count), labels[i])).ToList();
    }

    /// <summary>
    /// The pieces of a clause a finding rests on: with a quote, those the quote holds or that hold
    /// it (a lawyer's highlight); without one, or when it matches none, all of them.
    /// </summary>
    private static Func<ContextClause, bool> Pinned(ReportContext context, string? quote, Func<ContextClause, bool> clause)
    {
        if (quote is null)
        {
            return clause;
        }

        var plain = Documents.TextNormalizer.CollapseWhitespace(quote);
        var pinned = context.Clauses.Where(clause).Where(c => Documents.TextNormalizer.CollapseWhitespace(c.Text) is var text && (text.Contains(plain, StringComparison.Ordinal) || plain.Contains(text, StringComparison.Ordinal)))
            .Select(c => c.ClauseId).ToHashSet(StringComparer.Ordinal);
        return pinned.Count == 0 ? clause : c => pinned.Contains(c.ClauseId);
    }

}

/// <summary>Labelled clauses from corrected reports, how many reports and corrections they came from, and the reports left out and why.</summary>
public sealed record CorrectionLabelling(IReadOnlyList<LabelledClause> Clauses, int Reports, int Corrections, IReadOnlyList<Exclusion> Excluded)
{
    public static CorrectionLabelling None { get; } = new([], 0, 0, []);

    /// <summary>The contracts (documents) the labelled clauses come from.</summary>
    public IReadOnlySet<string> Contracts { get; } = Clauses.Select(c => c.Contract).ToHashSet(StringComparer.Ordinal);
}
