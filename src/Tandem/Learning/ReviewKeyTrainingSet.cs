using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Evaluation;

namespace Tandem.Learning;

/// <summary>
/// Turns answer keys of reviewed contracts (samples/review-key's format) into labelled clauses
/// for the local analyst: a lawyer's key says which clauses carry which risk, in the drafting
/// style of the contracts the firm reviews, which CUAD's filings do not show. Each contract is
/// read and segmented as <c>tandem analyze</c> would; the clause a risk names carries the risk's
/// acceptable categories (a risk spanning several clauses labels none). Only those clauses are added: a clause the key does not name
/// is not known to lack a category (a balanced governing-law clause is still Governing Law).
/// </summary>
public sealed class ReviewKeyTrainingSet(DocumentReaders readers, ClauseSegmenter segmenter)
{
    /// <summary>
    /// How many times each keyed clause is counted: a few thousand keyed clauses beside CUAD's
    /// eighty thousand need more than their number to move the weights.
    /// </summary>
    public const int Copies = 2;

    /// <summary>The stage <see cref="BuildAsync"/> reports.</summary>
    public const string ReadingStage = "reading keyed contracts";

    /// <summary>
    /// Labelled clauses from every key (each read with <see cref="ReviewKey.Load"/>, its contracts
    /// in the key's contracts folder), <see cref="Copies"/> times each; contracts are named
    /// "review:&lt;key folder&gt;/&lt;file&gt;", so no split by contract mixes them with CUAD's.
    /// </summary>
    public async Task<ReviewKeyLabelling> BuildAsync(IReadOnlyList<string> keyPaths, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyPaths);
        var keys = keyPaths.Select(p => (Path: p, Key: ReviewKey.Load(p))).ToList();
        var total = keys.Sum(k => k.Key.Contracts.Count);
        var rows = new List<LabelledClause>();
        var sided = new List<SideRiskRow>();
        var severe = new List<SideRiskRow>();
        var critical = new List<SideRiskRow>();
        int done = 0, risks = 0;
        foreach (var (path, key) in keys)
        {
            var folder = key.ContractsFolder ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
            var set = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "key";
            foreach (var entry in key.Contracts)
            {
                var file = Path.Combine(folder, entry.File);
                if (!File.Exists(file))
                {
                    throw new TandemException($"answer key {path} names {entry.File}, which is not in {folder}", "set the key's contractsFolder, or put the contract beside the key");
                }

                var read = await readers.ReadFileAsync(file, cancellationToken);
                var clauses = Usable(segmenter.Segment(read.Text).Clauses);
                var oneClause = OneClauseRisks(entry, clauses);
                rows.AddRange(Label(oneClause, clauses, $"review:{set}/{entry.File}"));
                foreach (var (side, severity, criticality) in Sided(entry, read.Text, clauses, oneClause))
                {
                    sided.Add(side);
                    severe.Add(severity);
                    critical.Add(criticality);
                }

                risks += oneClause.Count;
                done++;
                progress?.Report(new WorkProgress(ReadingStage, done, total));
            }
        }

        return new ReviewKeyLabelling(rows, keys.Count, done, risks) { Sided = sided, Severe = severe, Critical = critical };
    }

    /// <summary>
    /// Every clause of one keyed contract as <see cref="SideRiskFeatures"/> reads it for the key's side (a list item with
    /// its lead-in), labelled with the categories of the one-clause risks that name it: a clause no risk names is a
    /// negative for every category (the keyed contracts' own ordinary clauses teach what is not a risk for that side), and
    /// a clause of a risk spanning several clauses is left out (which of the risk's categories it carries is not known).
    /// Each clause comes twice: for the side weights, and for the severity weights, read with the side's role paired with
    /// its words and labelled only with the risks keyed at high or critical (a risk keyed medium is a negative there);
    /// and a third time, the same features, labelled only with the risks keyed critical.
    /// </summary>
    private static IEnumerable<(SideRiskRow Side, SideRiskRow Severe, SideRiskRow Critical)> Sided(ReviewKeyContract entry, string text, IReadOnlyList<Clause> clauses, IReadOnlyList<ReviewKeyRisk> oneClause)
    {
        var side = ReviewSide.Resolve(new PartyFinder().Find(text), entry.Side);
        var lens = new ReviewLens(side);
        var features = new SideRiskFeatures(side);
        var byRole = new SideRiskFeatures(side, byRole: true);
        var spanning = entry.Risks.Except(oneClause).ToList();
        var reads = ContractAnalyzer.ReadWithLeadIns(clauses, ContractAnalyzer.LeadIns(clauses));
        for (var i = 0; i < clauses.Count; i++)
        {
            var path = clauses[i].Path;
            if (spanning.Any(r => r.Clauses.Any(p => ReviewKeyScorer.Covers(p, path))))
            {
                continue;
            }

            var labels = new bool[ClauseCategories.All.Count];
            var severeLabels = new bool[ClauseCategories.All.Count];
            var criticalLabels = new bool[ClauseCategories.All.Count];
            foreach (var risk in oneClause.Where(r => r.Clauses.Any(p => ReviewKeyScorer.Covers(p, path))))
            {
                foreach (var category in risk.Categories)
                {
                    labels[ClauseCategories.IndexOf(category)] = true;
                    severeLabels[ClauseCategories.IndexOf(category)] |= risk.MinSeverity >= Severity.High;
                    criticalLabels[ClauseCategories.IndexOf(category)] |= risk.MinSeverity >= Severity.Critical;
                }
            }

            var favours = lens.Stance(reads[i]).Favours;
            var roleRead = byRole.Of(reads[i], clauses[i].Heading, favours);
            yield return (new SideRiskRow(features.Of(reads[i], clauses[i].Heading, favours), labels),
                new SideRiskRow(roleRead, severeLabels), new SideRiskRow(roleRead, criticalLabels));
        }
    }

    /// <summary>One keyed contract's labelled clauses: the clauses its one-clause risks name, each with the risks' categories.</summary>
    private static IEnumerable<LabelledClause> Label(IReadOnlyList<ReviewKeyRisk> oneClause, IReadOnlyList<Clause> clauses, string contract)
    {
        for (var i = 0; i < clauses.Count; i++)
        {
            var labels = new bool[ClauseCategories.All.Count];
            // A key's categories are canonical (ReviewKey checks them), so each has its place.
            foreach (var category in oneClause.Where(r => r.Clauses.Any(p => ReviewKeyScorer.Covers(p, clauses[i].Path))).SelectMany(r => r.Categories))
            {
                labels[ClauseCategories.IndexOf(category)] = true;
            }

            if (!labels.Contains(true))
            {
                continue;
            }

            var row = ClauseFeatureRow.For(clauses[i], i, clauses.Count);
            for (var copy = 0; copy < Copies; copy++)
            {
                yield return new LabelledClause(contract, row, labels);
            }
        }
    }

    private static List<Clause> Usable(IReadOnlyList<Clause> segmented) => segmented.Where(c => c.Kind != ClauseKind.TableOfContents).ToList();

    /// <summary>
    /// The risks that name one clause (its pieces and list items count as one). A risk that spans several clauses
    /// ("the indemnity is uncapped": the indemnity, the cap for them, the carve-out) lists the categories of all of
    /// them without saying which clause is which, so it labels none: trained on, it taught that an indemnity is a cap.
    /// </summary>
    private static List<ReviewKeyRisk> OneClauseRisks(ReviewKeyContract entry, IReadOnlyList<Clause> clauses) =>
        entry.Risks.Where(r => clauses.Where(c => r.Clauses.Any(p => ReviewKeyScorer.Covers(p, c.Path)))
            .Select(c => ContextClause.ClausePathOf(c.Path)).Distinct(StringComparer.Ordinal).Count() == 1).ToList();
}

/// <summary>Labelled clauses from answer keys, and how many keys, contracts and (one-clause) risks they came from.</summary>
public sealed record ReviewKeyLabelling(IReadOnlyList<LabelledClause> Clauses, int Keys, int Contracts, int Risks)
{
    /// <summary>Every clause of the keyed contracts, read for the key's side and labelled for <see cref="SideRiskModel"/>.</summary>
    public IReadOnlyList<SideRiskRow> Sided { get; init; } = [];

    /// <summary>The same clauses read with the side's role paired with their words, labelled with the risks keyed at high or above.</summary>
    public IReadOnlyList<SideRiskRow> Severe { get; init; } = [];

    /// <summary>The same rows as <see cref="Severe"/>, labelled with the risks keyed critical.</summary>
    public IReadOnlyList<SideRiskRow> Critical { get; init; } = [];

    public static ReviewKeyLabelling None { get; } = new([], 0, 0, 0);

    /// <summary>"2,005 keyed clauses (x2) from 1,468 one-clause risks in 238 contracts of 39 answer keys"; empty for none.</summary>
    public string Description => Keys == 0
        ? string.Empty
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Clauses.Count / ReviewKeyTrainingSet.Copies:N0} keyed clauses (x{ReviewKeyTrainingSet.Copies}) from {Risks:N0} one-clause risks in {Contracts} contracts of {Keys} answer keys");
}
