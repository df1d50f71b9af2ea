using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// Risk recognition learned from keyed reviews, read from the side under review: the clause's words with the side's
/// own names and role replaced by one token ("xus") and the other side's by another ("xthem"), so "the Provider may
/// terminate" for a customer and "the Customer may terminate" for a provider are the same evidence; plus whom the clause
/// favours (<see cref="ReviewLens.Stance"/>) and the side's role. Per category, a logistic regression over hashed word
/// 1–2-grams says how likely a reviewer would key the clause as a risk of that category for this side. Unlike the
/// CUAD-trained weights, its negatives are the keyed contracts' other clauses, so it learns "a risk of this kind for us",
/// not "a clause of this kind".
/// </summary>
public sealed class SideRiskModel
{
    /// <summary>Hashed slots: 2^Bits.</summary>
    public const int Bits = 20;

    public SideRiskModel(IReadOnlyList<CategoryWeights> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        Categories = categories;
        _index = new LocalAnalyst.WeightIndex(categories, 1 << Bits);
    }

    private readonly LocalAnalyst.WeightIndex _index;

    public IReadOnlyList<CategoryWeights> Categories { get; }

    /// <summary>The probability of each category's risk for one clause's features.</summary>
    public float[] Score(FeatureVector features) => _index.Score(features);

    /// <summary>
    /// Trains one logistic regression per category by stochastic gradient descent (a fixed shuffle, so the same rows
    /// give the same weights), each positive counted <paramref name="positiveWeight"/> times; weights below
    /// <paramref name="keep"/> in size are dropped.
    /// </summary>
    public static SideRiskModel Train(IReadOnlyList<SideRiskRow> rows, IReadOnlyList<string> categories,
        int epochs = 4, float rate = 0.5f, float l2 = 1e-6f, float positiveWeight = 4f, float keep = 0.03f)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(categories);
        var orders = new int[epochs][];
        var random = new Random(17);
        for (var e = 0; e < epochs; e++)
        {
            orders[e] = Enumerable.Range(0, rows.Count).ToArray();
            random.Shuffle(orders[e]);
        }

        var trained = new CategoryWeights[categories.Count];
        Parallel.For(0, categories.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            var w = new float[1 << Bits];
            var bias = 0f;
            var step = 0;
            for (var e = 0; e < epochs; e++)
            {
                foreach (var r in orders[e])
                {
                    var (x, labels) = rows[r];
                    var eta = rate / (1f + (step++ / (float)rows.Count));
                    var score = bias;
                    for (var j = 0; j < x.Indices.Length; j++)
                    {
                        score += w[x.Indices[j]] * x.Values[j];
                    }

                    var y = labels[k] ? 1f : 0f;
                    var p = 1f / (1f + MathF.Exp(-score));
                    var g = (p - y) * (labels[k] ? positiveWeight : 1f);
                    bias -= eta * g;
                    for (var j = 0; j < x.Indices.Length; j++)
                    {
                        var s = x.Indices[j];
                        w[s] -= eta * ((g * x.Values[j]) + (l2 * w[s]));
                    }
                }
            }

            var indices = new List<int>();
            var values = new List<float>();
            for (var s = 0; s < w.Length; s++)
            {
                if (MathF.Abs(w[s]) >= keep)
                {
                    indices.Add(s);
                    values.Add(w[s]);
                }
            }

            // Probability = 1 / (1 + exp(-score)): slope −1, offset 0.
            trained[k] = new CategoryWeights(categories[k], bias, -1f, 0f, 0.5f, indices.ToArray(), values.ToArray());
        });
        return new SideRiskModel(trained);
    }
}

/// <summary>One clause's features for <see cref="SideRiskModel"/> and the categories of the keyed risks it carries.</summary>
public sealed record SideRiskRow(FeatureVector X, bool[] Labels);

/// <summary>
/// A clause's features for <see cref="SideRiskModel"/>: its words and its lead-in's with the sides named as tokens, the
/// heading's words, whom it favours and the side's role; hashed (FNV-1a) into 2^<see cref="SideRiskModel.Bits"/> slots,
/// each present slot 1, then scaled to unit length.
/// </summary>
public sealed partial class SideRiskFeatures
{
    private readonly Regex? _us;
    private readonly Regex? _them;
    private readonly string _role;
    private readonly bool _byRole;

    /// <param name="side">The side under review (null: no names replaced).</param>
    /// <param name="byRole">
    /// Also each word paired with the side's role ("licensee renew"), so that the same words may weigh differently for
    /// each role: a mutual renewal clause is a risk a customer's reviewer keys and a provider's does not.
    /// </param>
    public SideRiskFeatures(ReviewSide? side, bool byRole = false)
    {
        _byRole = byRole;
        if (side is not null)
        {
            _us = new Regex(DeviationSignal.ForSide("{us}", side), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            _them = new Regex(DeviationSignal.ForSide("{them}", side), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        _role = side?.FunctionalRole.ToLowerInvariant() ?? "none";
    }

    /// <summary>The text with the side's names as "xus" and the other side's as "xthem".</summary>
    public string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_us is null || _them is null)
        {
            return text;
        }

        return _them.Replace(_us.Replace(text, " xus "), " xthem ");
    }

    public FeatureVector Of(string text, string? heading, Favours favours)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slots = new HashSet<int>();
        string? previous = null;
        foreach (Match m in Word().Matches(Normalise(text.Length > 3000 ? text[..3000] : text).ToLowerInvariant()))
        {
            var token = char.IsDigit(m.Value[0]) ? "#" + Math.Min(m.Value.Length, 4) : m.Value;
            slots.Add(Slot(token));
            if (_byRole)
            {
                slots.Add(Slot("r:" + _role + " " + token));
            }

            if (previous is not null)
            {
                slots.Add(Slot(previous + " " + token));
            }

            previous = token;
        }

        if (heading is not null)
        {
            foreach (Match m in Word().Matches(Normalise(heading).ToLowerInvariant()))
            {
                slots.Add(Slot("h:" + m.Value));
            }
        }

        slots.Add(Slot("fav:" + favours));
        slots.Add(Slot("role:" + _role));
        slots.Add(Slot("role:" + _role + " fav:" + favours));
        var indices = slots.Order().ToArray();
        var value = 1f / MathF.Sqrt(indices.Length);
        return new FeatureVector(indices, Enumerable.Repeat(value, indices.Length).ToArray());
    }

    private static int Slot(string token)
    {
        var hash = 2166136261u;
        foreach (var c in token)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & ((1u << SideRiskModel.Bits) - 1));
    }

    [GeneratedRegex(@"[a-z]+|\d+")]
    private static partial Regex Word();
}
