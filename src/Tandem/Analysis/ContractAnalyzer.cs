using Tandem.Documents;
using Tandem.Store;

namespace Tandem.Analysis;

/// <summary>
/// The contract-risk pipeline on a stored document: the local analyst scores every clause for
/// every category, the most confident clauses above threshold become findings, the playbook
/// judges each (deviation signals set severity and rationale), and expected categories without
/// any clause become missing protections. Quotes are the stored clause text, so they occur
/// verbatim in the document.
/// </summary>
public sealed partial class ContractAnalyzer(LocalAnalyst analyst, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// The most text one review reads: 1,000,000 characters, about 400 pages and three times the longest of CUAD's
    /// 413 development contracts (338,211). A review reads about 8 ms of CPU per thousand characters, so this bounds
    /// one at roughly 10 s; past it a file is a bundle or a data dump, not a contract (5 MB took a minute, with nothing shown).
    /// </summary>
    public const int MaxCharacters = 1_000_000;

    /// <summary>How many contract-wide readers run after the categories are judged (each one step of the progress).</summary>
    private const int ContractReaders = 12;

    /// <summary>The one-line refusal of a text longer than <see cref="MaxCharacters"/>.</summary>
    public static TandemException TooLong(string title, int characters) => new(
        $"{title} holds {characters:N0} characters of text, more than one review reads ({MaxCharacters:N0}, about 400 pages)",
        "review the contract itself rather than a file it is bundled in, or split the file into its parts");

    /// <summary>Analyses the newest version of a document the caller was allowed to read.</summary>
    public RiskReport Analyze(StoredDocument document, Playbook playbook, AnalysisOptions options, IProgress<WorkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Text.Length > MaxCharacters)
        {
            throw TooLong(document.Title, document.Text.Length);
        }

        var clauses = document.Clauses.Where(c => c.Clause.Kind != ClauseKind.TableOfContents).ToList();
        var categories = analyst.Model.Categories;
        // The model's two readings, each category judged, each contract-wide reader below, and the settling.
        // Named as the review names the stage before it (and the report counts clauses): every clause of the document.
        var steps = new AnalysisSteps(progress, $"analysing {document.Clauses.Count} clauses", categories.Count + ContractReaders + 3);
        // The model's word on a clause: its CUAD weights above the category's threshold, or, in a model that also learned
        // from keyed reviews, its review weights above the review threshold.
        var (scores, review) = analyst.ScoreForReview(clauses.Select(c => c.Clause).ToList());
        steps.Done();
        var reviewThreshold = analyst.Model.Manifest.ReviewThreshold ?? LocalAnalystManifest.DefaultReviewThreshold;
        var findings = new List<Finding>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        var side = ReviewSide.Of(document, options.ForParty);
        var lens = ReviewLens.For(side, clauses);
        // Per clause, once: a recital binds nobody and a bare heading ("4. Minimum purchase targets") states nothing,
        // so neither carries a risk finding; a definition states no right or duty, so its words alone find nothing.
        var words = clauses.Select(c => WordCount(c.Clause.Text)).ToArray();
        var leadIns = LeadIns(clauses);
        // An item of a list ("(c) Caterer undergoes a change in ownership or control.") may have no verb a title lacks,
        // but it finishes its lead-in's sentence: it is never a title.
        var operative = clauses.Select((c, i) => !IsRecital(c.Clause) && words[i] >= 6 && (leadIns[i] != i || !IsTitle(c.Clause.Text))).ToArray();
        // Nor is a definition in a lettered list ("(f) "Minimum Purchase Amount" means …"), or a clause that only lists the
        // schedules by their titles ("Schedule B (Minimum Purchase Amounts) forms part of this Agreement").
        var findableByWords = clauses.Select((c, i) => !DefinitionText().IsMatch(c.Clause.Text) && !SchedulesList().IsMatch(c.Clause.Text)
            && ((c.Clause.Kind != ClauseKind.Definition && words[i] >= 8) || leadIns[i] != i)).ToArray();
        // What the playbook's words are matched against: a list item is read with its lead-in.
        var detectTexts = ReadWithLeadIns(clauses.Select(c => c.Clause).ToList(), leadIns);
        // The side-aware weights' word on each clause (a list item read with its lead-in), when the model has them.
        var sided = analyst.SideRisk is { } sideRisk ? SideScores(sideRisk, side, lens, clauses, detectTexts) : null;
        steps.Done();
        var sideLevel = analyst.SideRiskThreshold;
        // The severity weights' word on a clause (how likely a reviewer for this side keys it high, and critical), read only
        // for the clauses a finding that may be raised quotes, once each (categories judged at once may both ask; they
        // write the same scores).
        var severityFeatures = analyst.SeverityRisk is not null && options.MinConfidence is null ? new SideRiskFeatures(side, byRole: true) : null;
        var severityScores = new SeverityScores?[clauses.Count];
        SeverityScores SeverityOf(int i)
        {
            if (severityScores[i] is { } known)
            {
                return known;
            }

            var features = severityFeatures!.Of(detectTexts[i], clauses[i].Clause.Heading, lens.Stance(detectTexts[i]).Favours);
            return severityScores[i] = new SeverityScores(analyst.SeverityRisk!.Score(features), analyst.CriticalRisk?.Score(features));
        }
        // The same with the definitions each uses, for the rules whose words may sit in a definition: read once per clause,
        // however many rules ask. (Two categories judged at once may both read a clause; they write the same text.)
        var detectTextsWithDefinitions = new string?[clauses.Count];
        string WithDefinitions(int i) => detectTextsWithDefinitions[i] ??= lens.Definitions.Read(detectTexts[i]);
        string DetectText(PlaybookRule rule, int i) => rule.DetectReadsDefinitions ? WithDefinitions(i) : detectTexts[i];
        bool FoundByWords(PlaybookRule rule, int i) =>
            rule.Detects(DetectText(rule, i)) || (rule.DetectWithDefinitions is not null && rule.DetectsWithDefinitions(WithDefinitions(i)));
        // Each category is judged on its own (the lens, the playbook and the clauses are only read), so the categories are
        // shared among the cores; their findings are then taken in category order, as one loop would have made them.
        var byCategory = new (bool Present, List<Finding> Findings)[categories.Count];
        Parallel.For(0, categories.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            byCategory[k] = JudgeCategory(k);
            steps.Done();
        });
        for (var k = 0; k < categories.Count; k++)
        {
            if (byCategory[k].Present)
            {
                present.Add(categories[k].Category);
            }

            findings.AddRange(byCategory[k].Findings);
        }

        (bool Present, List<Finding> Findings) JudgeCategory(int k)
        {
            var category = categories[k].Category;
            var categoryPresent = false;
            var rule = playbook.RuleFor(category);
            var threshold = Math.Max(categories[k].Threshold, options.MinConfidence ?? 0);
            var reviewLevel = Math.Max(reviewThreshold, options.MinConfidence ?? 0);
            bool WeightsHit(int i) => scores[i][k] >= threshold || (review is not null && review[i][k] >= reviewLevel);
            bool SideHit(int i) => sided is not null && options.MinConfidence is null && sided[i][k] >= sideLevel;
            bool ModelHit(int i) => WeightsHit(i) || SideHit(i);
            // How sure the model is of a clause: the review weights' probability where they found it, else the CUAD weights'.
            float Confidence(int i) => Math.Max(review is not null && review[i][k] >= reviewLevel ? Math.Max(review[i][k], scores[i][k]) : scores[i][k],
                sided is not null && options.MinConfidence is null && sided[i][k] >= sideLevel ? sided[i][k] : 0f);
            // Pieces of one clause ("8.2", "8.2#2") become one finding quoting all of them.
            // The model's hits, plus the clauses the playbook recognises by their words (rare categories the model misses).
            var informational = InformationalCategories.Contains(category);
            // A list item is judged with its lead-in, which names who is bound ("Tamberlane undertakes that … it shall
            // not: (a) acquire any Securities"; "The Client may terminate if: (a) the Agency undergoes a change of control").
            // A piece only the side weights found joins its clause's finding only when nothing else found a piece of that
            // clause: "The Licensor may terminate at any time … On such termination the Licensor shall refund" is judged on
            // the sentence the playbook's words found, as before, not read as a whole whose refund makes it look mutual.
            var hits = Enumerable.Range(0, clauses.Count)
                .Where(i => informational || operative[i])
                .Select(i => (At: leadIns[i], Primary: WeightsHit(i)
                    || (options.MinConfidence is null && findableByWords[i] && rule is not null && FoundByWords(rule, i)), Side: SideHit(i)))
                .Where(h => h.Primary || h.Side)
                .GroupBy(h => ContextClause.ClausePathOf(clauses[h.At].Clause.Path), StringComparer.Ordinal)
                .Select(g => WithListItems((g.Any(h => h.Primary) ? g.Where(h => h.Primary) : g).Select(h => h.At).Distinct().Order().ToList(), leadIns))
                .OrderByDescending(g => g.Max(Confidence))
                .ThenBy(g => g[0])
                .ToList();
            if (hits.Any(g => g.Any(ModelHit)))
            {
                categoryPresent = true;
            }

            if (rule is null)
            {
                return (categoryPresent, []);
            }

            var judged = new List<(Finding Finding, bool ByWordsOnly)>();
            foreach (var pieces in hits)
            {
                var finding = Judge(rule, pieces.Select(i => clauses[i]).ToList(), pieces.Max(Confidence), document.Text, lens);
                // The severity weights raise what the playbook judged too low, never a clause in the reviewed side's favour
                // (its own right or the other side's duty is no high risk to it, however often such clauses are keyed).
                if (severityFeatures is not null && finding.Severity < Severity.Critical && finding.Favours != Favours.Us)
                {
                    finding = RaisedBySeverityWeights(finding, pieces.Select(SeverityOf).ToList(), k, analyst, side);
                }
                // A clause found by its words alone is reported, and shows the category present, only with a specific
                // judgement (a deviation for this side): the rule's default severity was set for clauses the model
                // recognises, and words alone are weaker evidence.
                var byWordsOnly = !pieces.Any(ModelHit);
                if (byWordsOnly && finding.Deviations.Count == 0)
                {
                    continue;
                }

                categoryPresent = true;

                if (options.IncludeInfo || finding.Severity != Severity.Info)
                {
                    judged.Add((finding, byWordsOnly));
                }
            }

            // The riskiest of the clauses the model found, up to the limit (a common category's many ordinary clauses
            // must not crowd out its one deviating clause), and every clause found by its words alone with a deviation.
            return (categoryPresent, judged.Where(j => !j.ByWordsOnly).Select(j => j.Finding)
                .OrderByDescending(f => f.Severity).ThenByDescending(f => f.Confidence).Take(options.MaxFindingsPerCategory)
                .Concat(judged.Where(j => j.ByWordsOnly).Select(j => j.Finding)).ToList());
        }

        // The contract-wide readers, in this order: each reads the findings so far against the whole contract.
        Func<List<Finding>, List<Finding>>[] readers =
        [
            // A carve-out from the cap read against whose indemnities it reaches (however either is worded).
            f => IndemnityCarveOuts.Apply(f, playbook.RuleFor("Uncapped Liability"), clauses, detectTexts, leadIns, lens, document.Text),
            // An exclusion of the losses only the other side's deliverables can cause.
            f => LossExclusions.Apply(f, playbook.RuleFor("Cap on Liability"), clauses, detectTexts, leadIns, lens, document.Text),
            // A right to leave that only the other side holds and that its own judgement sets off (however the clause names it).
            f => ExitRights.Apply(f, playbook.RuleFor("Termination for Convenience"), clauses, detectTexts, leadIns, lens, document.Text),
            // A change of control hidden in a defined term that only the reviewed side's sale can set off.
            f => ControlEvents.Apply(f, playbook.RuleFor("Change of Control"), clauses, detectTexts, leadIns, lens, document.Text),
            // A promise by the reviewed side never to enforce its intellectual property against the other side.
            f => NonAsserts.Apply(f, playbook.RuleFor("Covenant Not to Sue"), clauses, detectTexts, leadIns, lens, document.Text),
            // A price the other side sets by its own judgement, unbounded.
            f => PriceSetters.Apply(f, playbook.RuleFor("Price Restrictions"), clauses, detectTexts, leadIns, lens, document.Text),
            // A defined period whose end the other side holds: its exit at will, or a licence it may keep for ever.
            f => PeriodEnds.Apply(f, playbook.RuleFor("Termination for Convenience"), playbook.RuleFor("Irrevocable or Perpetual License"), clauses, detectTexts, leadIns, lens, document.Text),
            // A duty to deal only with the other side, without the word "exclusive".
            f => ExclusiveDealing.Apply(f, playbook.RuleFor("Exclusivity"), clauses, detectTexts, leadIns, lens, document.Text),
            // A term that renews itself inside its definition, unless a long notice window is caught.
            f => RollingTerms.Apply(f, playbook.RuleFor("Renewal Term"), clauses, detectTexts, leadIns, lens, document.Text),
            // Warranty claims lost unless the reviewed side notifies within days, or before it uses the goods.
            f => WarrantyWindows.Apply(f, playbook.RuleFor("Warranty Duration"), clauses, detectTexts, leadIns, lens, document.Text),
            // A floor under what the paying side pays, whatever it uses.
            f => ChargeFloors.Apply(f, playbook.RuleFor("Minimum Commitment"), clauses, detectTexts, leadIns, lens, document.Text),
            // A payment worked out on a base the other side sets (read through the base's definition).
            f => ShareBases.Apply(f, playbook.RuleFor("Revenue/Profit Sharing"), playbook.RuleFor("Price Restrictions"), clauses, detectTexts, leadIns, lens, document.Text),
        ];
        foreach (var read in readers)
        {
            findings = read(findings);
            steps.Done();
        }

        var kind = options.ContractKind ?? ContractKinds.Of(document, side?.Parties);
        (var kept, var missing) = Settle(playbook, findings, present, kind, side?.RoleIn(kind, document.Text), document.Text);
        steps.Done();

        var manifest = analyst.Model.Manifest;
        // The file's hash, not the training data's: two models trained on the same data (or a retrained one) must not share report ids.
        var key = string.Join("\n", analyst.FileHash ?? manifest.DataHash, options.MinConfidence, options.MaxFindingsPerCategory, options.IncludeInfo);
        return RiskReport.For(document, playbook, key + "\n" + kind, analyst.Description, _time.GetUtcNow(), document.Clauses.Count, kept, missing, side: side)
            with
            {
                ContractKind = kind,
                ContractKindDetected = options.ContractKind is null,
                Context = ReportContext.Of("local", clauses, clauses.Select(c => c.ClauseId)) with { ShowsAllFindings = options.IncludeInfo && options.MinConfidence is null },
            };
    }

    /// <summary>Each clause's side-aware risk probabilities (<see cref="SideRiskModel"/>), in the analyst's category order.</summary>
    private static float[][] SideScores(SideRiskModel model, ReviewSide? side, ReviewLens lens, IReadOnlyList<StoredClause> clauses, string[] texts)
    {
        // Each clause on its own (the lens is only read, as the categories' judging reads it in parallel below).
        var features = new SideRiskFeatures(side);
        var scores = new float[clauses.Count][];
        Parallel.For(0, clauses.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => scores[i] = model.Score(features.Of(texts[i], clauses[i].Clause.Heading, lens.Stance(texts[i]).Favours)));
        return scores;
    }

    /// <summary>One clause's probabilities from the severity weights (keyed high or above) and the critical weights (keyed critical), by category.</summary>
    private sealed record SeverityScores(float[] High, float[]? Critical);

    /// <summary>
    /// A finding the severity weights are sure a reviewer for this side keys at high or above, raised to high; one at high
    /// (the playbook's, or so raised) the critical weights are sure is keyed critical, raised to critical; each time said
    /// why, with the severity the playbook gave.
    /// </summary>
    private static Finding RaisedBySeverityWeights(Finding finding, IReadOnlyList<SeverityScores> pieces, int k, LocalAnalyst analyst, ReviewSide? side)
    {
        var playbook = finding.Severity;
        var raised = finding;
        if (raised.Severity < Severity.High && pieces.Max(p => p.High[k]) is var high && high >= analyst.SeverityThreshold)
        {
            raised = Raised(raised, Severity.High, high);
        }

        if (raised.Severity == Severity.High && pieces.Any(p => p.Critical is not null) && pieces.Max(p => p.Critical?[k] ?? 0f) is var critical
            && critical >= analyst.CriticalThreshold)
        {
            raised = Raised(raised, Severity.Critical, critical);
        }

        return raised;

        // One deviation says why, whichever raises applied: the last one's probability and the playbook's own severity.
        Finding Raised(Finding f, Severity to, float probability) => f with
        {
            Severity = to,
            Deviations = [.. finding.Deviations, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"reviewers for {(side is null ? "this side" : "the " + side.FunctionalRole.ToLowerInvariant())} rate clauses like this {to.ToString().ToLowerInvariant()} (p = {probability:0.00}); the playbook alone said {playbook.ToString().ToLowerInvariant()}")],
        };
    }

    /// <summary>Below this model confidence a clause whose side cannot be read is reported at most as medium.</summary>
    private const float UnsureConfidence = 0.5f;

    /// <summary>Categories that describe the contract rather than bind anyone: a recital may carry them.</summary>
    private static readonly HashSet<string> InformationalCategories = new(StringComparer.Ordinal) { "Document Name", "Parties", "Agreement Date", "Effective Date" };

    /// <summary>
    /// "(A) The Patent Owner owns ...": a lettered recital, an unnumbered paragraph under a Background, Recitals or
    /// Whereas heading (a numbered section is operative whatever heading the segmenter carried over to it), or a
    /// preamble paragraph that opens "WHEREAS".
    /// </summary>
    private static bool IsRecital(Clause clause) =>
        RecitalPath().IsMatch(clause.Path) || (!clause.Path.Any(char.IsDigit) && clause.Heading is { } heading && RecitalHeading().IsMatch(heading))
        || (clause.Path.StartsWith('¶') && clause.Text.TrimStart().StartsWith("WHEREAS", StringComparison.Ordinal));

    /// <summary>"Schedule 2 – Minimum Purchase Targets": one short line with no verb names a part of the contract, it binds nobody.</summary>
    // "EXHIBIT A - PRODUCTS, DISCOUNTS AND MINIMUM ANNUAL COMMITMENT": a capitalised heading may carry commas, not a modal verb.
    // "PRODUCT SUPPLY AGREEMENT\n(Water Treatment Chemicals - Take-or-Pay)": a title with a subtitle line is a title.
    private static bool IsTitle(string text) =>
        text.Length <= 200 && ClauseNumber().Replace(text, string.Empty, 1).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: >= 1 and <= 2 } lines
        && lines.All(line => line.Length <= 100 && (!TitleVerb().IsMatch(line) || (Documents.ClauseSegmenter.IsMostlyCapitals(line) && !TitleModal().IsMatch(line))));

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:shall|will|may|must|agrees?)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TitleModal();

    /// <summary>A clause that incorporates the schedules: "The following Schedules form part of this Agreement: …".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:schedules?|exhibits?|annex(?:es)?|appendi(?:x|ces)|attachments?)\b[^.;]{0,80}\b(?:forms?|constitutes?)\s+(?:an?\s+)?(?:integral\s+)?part\s+of\s+this\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SchedulesList();

    /// <summary>The number in front of a title: "4. ", "12.3 ", "Clause 4 ", "Article 7: ".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:(?:Clause|CLAUSE|Article|ARTICLE|Section|SECTION)\s+)?\d{1,3}(?:\.\d{1,3})*\.?\s*[:\-–—]?\s+")]
    private static partial System.Text.RegularExpressions.Regex ClauseNumber();

    // A title may list with commas ("Forecasts, Orders and Minimum Purchases"); a full stop, colon or semicolon inside it starts a sentence.
    [System.Text.RegularExpressions.GeneratedRegex(@"[.;:]\s*\S|\b(?:shall|will|may|must|is|are|was|be|means|agrees?|has|have|can|not)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TitleVerb();

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:shall|will|must|may|can|is|are|be|been|becomes?|agrees?|undertakes?|pays?|payable|owes?|means)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AnyVerb();

    /// <summary>
    /// "Section 1.4 "Minimum Purchase Requirement" means …": a definition, however the segmenter numbered it; or the lead-in
    /// of a list of them ("1.1 In this Agreement, the following capitalised terms have the meanings set out below:").
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:(?:Section|Clause)\s+)?[\d.()a-z]*\s*[""“][^""”]{1,80}[""”]\s+(?:means|shall\s+mean|has\s+the\s+meaning)\b|^\W*(?:(?:Section|Clause)\s+)?[\d.()a-z]*\s*[^.:\n]{0,80}\b(?:the\s+following\s+(?:capitali[sz]ed\s+)?(?:terms|words|expressions|definitions)|definitions?\s+(?:below|that\s+follow))\b[^.:\n]{0,60}:|^\W*(?:(?:Section|Clause)\s+)?[\d.()a-z]*\s*(?:Definitions?(?:\s+and\s+interpretation)?\s*[.:]\s*)?In\s+this\s+(?:Agreement|Contract|Deed|Licen[cs]e)\b[^.:\n]{0,60}:", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DefinitionText();


    [System.Text.RegularExpressions.GeneratedRegex(@"^\([A-Z]\)$")]
    private static partial System.Text.RegularExpressions.Regex RecitalPath();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:background|recitals?|whereas|preliminary\s+statements?)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex RecitalHeading();

    /// <summary>For each piece, the list lead-in it belongs to ("7.1(a)" → the "7.1 … shall not:" piece before it), or itself.</summary>
    private static int[] LeadIns(IReadOnlyList<StoredClause> clauses) => LeadIns(clauses.Select(c => c.Clause).ToList());

    /// <summary>Each clause's text as the review reads it: a list item after its lead-in (<see cref="LeadIns(IReadOnlyList{Clause})"/>).</summary>
    internal static string[] ReadWithLeadIns(IReadOnlyList<Clause> clauses, int[] leadIns) =>
        clauses.Select((c, i) => leadIns[i] == i ? c.Text : clauses[leadIns[i]].Text + " " + c.Text).ToArray();

    /// <summary>For each clause, the list lead-in it belongs to, or itself (<see cref="LeadIns(IReadOnlyList{StoredClause})"/>).</summary>
    internal static int[] LeadIns(IReadOnlyList<Clause> clauses)
    {
        var leadIns = new int[clauses.Count];
        var open = -1;
        var openPath = string.Empty;
        for (var i = 0; i < clauses.Count; i++)
        {
            var path = clauses[i].Path;
            if (open >= 0 && i - open <= 12 && path.StartsWith(openPath + "(", StringComparison.Ordinal))
            {
                leadIns[i] = open;
                continue;
            }

            leadIns[i] = i;
            open = clauses[i].Text.TrimEnd().EndsWith(':') ? i : -1;
            openPath = open >= 0 ? ContextClause.ClausePathOf(path) : string.Empty;
        }

        return leadIns;
    }

    /// <summary>
    /// A clause that introduces a list ("The Source Code shall be released to the Licensee if:") is
    /// judged with its items ("(a) ... (c) the Licensor undergoes a Change of Control"): alone it says
    /// nothing. The items are the pieces right after it that <see cref="LeadIns(IReadOnlyList{Clause})"/> gives to it.
    /// </summary>
    private static List<int> WithListItems(List<int> pieces, int[] leadIns)
    {
        var last = pieces[^1];
        var items = new List<int>(pieces);
        for (var i = last + 1; i < leadIns.Length && leadIns[i] == last; i++)
        {
            items.Add(i);
        }

        return items;
    }

    /// <summary>
    /// A clause (one or more consecutive pieces) judged against the category's playbook rule, for
    /// the side <paramref name="lens"/> reads it from: its deviations may depend on whom the clause
    /// favours and on its measured terms; the quote runs from the first piece to the last.
    /// </summary>
    public static Finding Judge(PlaybookRule rule, IReadOnlyList<StoredClause> pieces, float confidence, string documentText, ReviewLens? lens = null)
    {
        lens ??= ReviewLens.None;
        var first = pieces[0].Clause;
        var end = pieces[^1].Clause.End;
        var quote = documentText[first.Start..end];
        var (favours, beneficiary) = lens.Stance(quote);
        var quantities = lens.Measure(quote);
        var role = lens.Side?.FunctionalRole;
        // A deviation that reads definitions matches its pattern on the clause with the definitions it uses (the
        // "Minimum Guarantee" is a sum payable whatever the sales), and measures there what the clause's own words leave
        // out (the "Warranty Period" is six months); whose clause it is, and its exceptions, are read from the clause alone.
        var used = rule.Deviations.Any(d => d.ReadsDefinitions) ? lens.Definitions.Used(quote) : [];
        var read = used.Count > 0 ? ContractDefinitions.Read(quote, used) : quote;
        var readQuantities = ReferenceEquals(read, quote) ? quantities : WithDefined(quantities, lens.Measure(read));
        IReadOnlyDictionary<string, double> MeasuresFor(DeviationSignal d) => d.ReadsDefinitions ? readQuantities : quantities;
        // A deviation that reads references matches on the clause with the clauses it names by number (whose indemnity a
        // carve-out from the cap leaves unlimited), and with its definitions too when it also reads those.
        string? referenced = null, referencedWithDefinitions = null;
        string ReadFor(DeviationSignal d) => !d.ReadsReferences ? read
            : d.ReadsDefinitions ? referencedWithDefinitions ??= lens.References.Read(read) : referenced ??= lens.References.Read(quote);
        var matched = rule.Deviations.Where(d => d.AppliesTo(role) && d.Matches(quote, favours, MeasuresFor(d), lens.Side, documentText, ReadFor(d))).ToList();
        // The most specific judgement wins: one written for the side's role (a developer assigning the deliverables
        // it was paid for) over one for whose clause it is (you assign your IP away) over the text's signals alone;
        // at each level, one that also names what the clause says (they may terminate if you change hands) over one
        // that does not (they may change hands).
        static int Specificity(DeviationSignal d) =>
            (d.Roles.Count > 0 ? 4 : 0) + (d.When.Count > 0 ? 2 : 0) + (d.Pattern is not null || d.AbsentPattern is not null || d.Measure is not null ? 1 : 0);
        if (matched.Count > 0)
        {
            var most = matched.Max(Specificity);
            matched = matched.Where(d => Specificity(d) == most).ToList();
        }

        var severity = matched.Count == 0 ? rule.Severity : matched.Max(d => d.Severity);
        // A schedule's line (a price list, a service description) the model is unsure of, and whose side cannot be
        // read: worth a look, not an alarm.
        // The same for a definition or a line with no verb (a price list's "Minimum charge per Order: EUR 40."): it binds nobody by itself.
        if (favours == Favours.Unclear && confidence < UnsureConfidence && severity > Severity.Medium
            && (FindingConsistency.IsSchedulePath(first.Path) || first.Kind == ClauseKind.Definition || DefinitionText().IsMatch(quote) || (quote.Length <= 120 && !AnyVerb().IsMatch(quote))))
        {
            severity = Severity.Medium;
        }
        var rationale = matched.Count == 0
            ? rule.Rationale
            : string.Join(" ", matched.OrderByDescending(d => d.Severity).Select(d => d.WithMeasure(MeasuresFor(d))));
        return new Finding(rule.Category, severity, pieces[0].ClauseId, ContextClause.ClausePathOf(first.Path), first.Heading, quote,
            first.Start, end, LineOf(documentText, first.Start), lens.Fill(rationale), matched.Select(d => d.Name).ToList(),
            Math.Round(confidence, 3))
        {
            Answer = DateAnswers.Categories.Contains(rule.Category) && DateAnswers.Find(quote) is [var date, ..] ? quote[date.Start..date.End] : null,
            Favours = favours,
            Beneficiary = beneficiary,
            Measured = matched.Select(d => d.Measured(MeasuresFor(d))).FirstOrDefault(m => m is not null),
            ReadWithWholeContract = matched.Any(d => d.ContractAbsentPattern is not null),
            LiftsLimit = matched.Any(d => d.LiftsLimit),
            Definitions = Cited(matched, used, quote, favours, quantities, lens, documentText),
        };
    }

    /// <summary>
    /// The definitions a finding rests on: only where they were needed (a deviation holds on the clause read with its
    /// definitions, not on its words alone), and of those the ones that show the deviation by themselves (the clause
    /// read with that definition alone); all it read when only their combination does.
    /// </summary>
    private static IReadOnlyList<DefinedTerm> Cited(List<DeviationSignal> matched, IReadOnlyList<DefinedTerm> used, string quote, Favours favours,
        IReadOnlyDictionary<string, double> quantities, ReviewLens lens, string documentText)
    {
        if (used.Count == 0)
        {
            return [];
        }

        var needing = matched.Where(d => d.ReadsDefinitions && !d.Matches(quote, favours, quantities, lens.Side, documentText, quote)).ToList();
        if (needing.Count == 0)
        {
            return [];
        }

        if (used.Count == 1)
        {
            return used;
        }

        var alone = used.Where(definition =>
        {
            var read = ContractDefinitions.Read(quote, [definition]);
            var measures = WithDefined(quantities, lens.Measure(read));
            return needing.Any(d => d.Matches(quote, favours, measures, lens.Side, documentText, read));
        }).ToList();
        return alone.Count > 0 ? alone : used;
    }

    /// <summary>The clause's own measures, with those only its definitions state added.</summary>
    private static Dictionary<string, double> WithDefined(IReadOnlyDictionary<string, double> own, IReadOnlyDictionary<string, double> defined)
    {
        var all = new Dictionary<string, double>(own, StringComparer.Ordinal);
        foreach (var (name, value) in defined)
        {
            all.TryAdd(name, value);
        }

        return all;
    }

    /// <summary>
    /// The findings and missing protections of a review, whoever produced the findings: the
    /// contradicted findings dropped (<see cref="FindingConsistency"/>), and the expected
    /// protections for the kind of contract that no finding shows for the side under review.
    /// <paramref name="present"/> holds the categories the model found.
    /// </summary>
    public static (IReadOnlyList<Finding> Findings, List<MissingProtection> Missing) Settle(Playbook playbook, IReadOnlyList<Finding> findings, IEnumerable<string> present, string? kind, string? role = null, string? contractText = null)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        var (kept, emptied) = FindingConsistency.Resolve(findings);
        var shown = present.ToHashSet(StringComparer.Ordinal);
        shown.ExceptWith(emptied);
        shown.ExceptWith(ProtectionsNotOurs(playbook, kept));
        return (kept, MissingProtections(playbook, shown, kind, role, contractText));
    }

    /// <summary>
    /// Categories none of whose findings counts as the protection for the side under review
    /// (<see cref="PlaybookRule.CountsAsPresent"/>): the protection is there for the other side
    /// only, or the clause lacks what makes it one, so it is missing for ours.
    /// </summary>
    public static IEnumerable<string> ProtectionsNotOurs(Playbook playbook, IReadOnlyList<Finding> findings) =>
        findings.GroupBy(f => f.Category, StringComparer.Ordinal)
            .Where(g => playbook.RuleFor(g.Key) is { } rule && !g.Any(rule.CountsAsPresent))
            .Select(g => g.Key)
            .ToList();

    /// <summary>The protections the playbook expects that no finding showed, most severe first.</summary>
    public static List<MissingProtection> MissingProtections(Playbook playbook, IReadOnlySet<string> present, string? kind, string? role = null, string? contractText = null) =>
        playbook.Rules
            .Where(r => r.IsExpectedIn(kind, role, contractText) && !present.Contains(r.Category))
            .Select(r => new MissingProtection(r.Category, r.MissingSeverity, r.MissingRationale, r.StandardPosition) { Fallback = r.Fallback })
            .OrderByDescending(m => m.Severity).ThenBy(m => m.Category, StringComparer.Ordinal)
            .ToList();

    private static int LineOf(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>
    /// The analysis's progress: one step per stage, category or reader, reported from whichever thread finishes it,
    /// at most every 100 ms (and always the last), so a long contract shows it moving without a report per step.
    /// </summary>
    private sealed class AnalysisSteps(IProgress<WorkProgress>? progress, string stage, int total)
    {
        private readonly object _gate = new();
        private int _done;
        private long _reportedAt = long.MinValue;

        public void Done()
        {
            if (progress is null)
            {
                return;
            }

            lock (_gate)
            {
                _done++;
                var now = Environment.TickCount64;
                if (_done < total && now - _reportedAt < 100)
                {
                    return;
                }

                _reportedAt = now;
                progress.Report(new WorkProgress(stage, Math.Min(_done, total), total));
            }
        }
    }
}
