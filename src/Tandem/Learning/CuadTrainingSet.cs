using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Evaluation;

namespace Tandem.Learning;

/// <summary>
/// Turns CUAD annotations into labelled clauses: each contract is read and segmented as Tandem
/// would for a user, the annotated texts are located in it (whitespace-tolerant), and a clause
/// carries a category when an annotated span covers at least half of the shorter of the two.
/// </summary>
public sealed class CuadTrainingSet(DocumentReaders readers, ClauseSegmenter segmenter)
{
    private const int ShortAnswerLength = 60;

    /// <summary>The stage <see cref="BuildAsync"/> reports.</summary>
    public const string ReadingStage = "reading and labelling contracts";

    /// <summary>Builds labelled clauses for every contract of the data set.</summary>
    public async Task<CuadLabelling> BuildAsync(CuadDataset data, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var perContract = new List<LabelledClause>[data.Contracts.Count];
        int located = 0, missing = 0, done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, data.Contracts.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var contract = data.Contracts[index];
                var document = await readers.ReadFileAsync(contract.TextPath, ct);
                var (clauses, found, lost) = Label(contract, document.Text, segmenter.Segment(document.Text).Clauses);
                perContract[index] = clauses;
                Interlocked.Add(ref located, found);
                Interlocked.Add(ref missing, lost);
                progress?.Report(new WorkProgress(ReadingStage, Interlocked.Increment(ref done), data.Contracts.Count));
            });

        return new CuadLabelling(perContract.SelectMany(c => c).ToList(), located, missing);
    }

    /// <summary>
    /// Where a contract's annotated texts occur in its normalised text, per category (categories
    /// with no located text are left out), and how many annotations were and were not found.
    /// Short answers (a party's name, a date) recur all over a contract; the annotation marks
    /// where they are introduced, so only their first occurrence counts. With
    /// <paramref name="firstOccurrenceOnly"/>, that holds for every answer.
    /// </summary>
    public static (Dictionary<string, List<(int Start, int End)>> Spans, int Located, int Missing) LocateGold(
        CuadContract contract, string text, bool firstOccurrenceOnly)
    {
        var locator = new SpanLocator(text);
        var spans = new Dictionary<string, List<(int Start, int End)>>(StringComparer.Ordinal);
        int located = 0, missing = 0;
        foreach (var (category, golds) in contract.Gold)
        {
            foreach (var gold in golds)
            {
                var found = locator.FindAll(TextNormalizer.Normalize(gold));
                if (found.Count == 0)
                {
                    missing++;
                    continue;
                }

                located++;
                if (!spans.TryGetValue(category, out var list))
                {
                    spans[category] = list = [];
                }

                list.AddRange(firstOccurrenceOnly || gold.Length < ShortAnswerLength ? found.Take(1) : found);
            }
        }

        return (spans, located, missing);
    }

    /// <summary>Labels one contract's clauses; returns them with the count of spans found and not found.</summary>
    public static (List<LabelledClause> Clauses, int Located, int Missing) Label(CuadContract contract, string text, IReadOnlyList<Clause> clauses)
    {
        var categories = ClauseCategories.All;
        var usable = clauses.Where(c => c.Kind != ClauseKind.TableOfContents).ToList();
        var labels = usable.Select(_ => new bool[categories.Count]).ToList();
        var (gold, located, missing) = LocateGold(contract, text, firstOccurrenceOnly: false);
        for (var k = 0; k < categories.Count; k++)
        {
            foreach (var (start, end) in gold.GetValueOrDefault(categories[k]) ?? [])
            {
                for (var i = 0; i < usable.Count; i++)
                {
                    var overlap = Math.Min(end, usable[i].End) - Math.Max(start, usable[i].Start);
                    if (overlap > 0 && overlap * 2 >= Math.Min(end - start, usable[i].Length))
                    {
                        labels[i][k] = true;
                    }
                }
            }
        }

        var rows = usable.Select((c, i) => new LabelledClause(contract.Name, ClauseFeatureRow.For(c, i, usable.Count), labels[i])).ToList();
        return (rows, located, missing);
    }
}
