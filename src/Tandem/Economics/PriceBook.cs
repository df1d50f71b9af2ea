
namespace Tandem.Economics;

/// <summary>
/// Dated model prices: the book shipped with Tandem (an embedded YAML file) or one given by the
/// user in the same format. Lookups are by model id, case-insensitive; a fine-tuned id
/// ("ft:gpt-4o-mini:acme::abc") resolves to its base model's fine-tuned price.
/// </summary>
public sealed class PriceBook
{
    private readonly Dictionary<string, PricedModel> _models;

    private PriceBook(DateOnly asOf, string source, IReadOnlyList<PricedModel> models)
    {
        AsOf = asOf;
        Source = source;
        Models = models;
        _models = models.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
    }

    public DateOnly AsOf { get; }

    public string Source { get; }

    public IReadOnlyList<PricedModel> Models { get; }

    /// <summary>The book shipped with Tandem.</summary>
    public static PriceBook Default()
    {
        using var stream = typeof(PriceBook).Assembly.GetManifestResourceStream("Tandem.Economics.PriceBook.yaml")
            ?? throw new InvalidOperationException("the embedded price book is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "the built-in price book");
    }

    /// <summary>A price book file in the same format as the built-in one.</summary>
    public static PriceBook Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new TandemException($"price book not found: {path}", "pass a YAML file in the format of src/Tandem/Economics/PriceBook.yaml");
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    public static PriceBook Parse(string yaml, string name)
    {
        BookFile file;
        file = YamlDocuments.Deserialize<BookFile>(yaml, $"price book {name}", "fix the YAML; keys are as_of, source, models (id, provider, price, fine_tuned_price, training_per_million, notes)")
                ?? throw new TandemException($"price book {name} is empty", "add as_of, source and models");

        if (file.AsOf is null || !DateOnly.TryParse(file.AsOf, System.Globalization.CultureInfo.InvariantCulture, out var asOf))
        {
            throw new TandemException($"price book {name} needs an as_of date (YYYY-MM-DD)", "prices are only meaningful with the date they were read");
        }

        var models = new List<PricedModel>();
        foreach (var (m, i) in (file.Models ?? []).Select((m, i) => (m, i)))
        {
            var where = $"price book {name}, model {i + 1}";
            if (string.IsNullOrWhiteSpace(m.Id) || m.Price is null)
            {
                throw new TandemException($"{where} needs an id and a price", "write price: {{ input: 2.5, cached_input: 1.25, output: 10 }}");
            }

            models.Add(new PricedModel(m.Id.Trim(), m.Provider?.Trim() ?? "unknown", m.Price.ToPrice($"{where} ({m.Id})"),
                m.FineTunedPrice?.ToPrice($"{where} ({m.Id}) fine_tuned_price"), NonNegative(m.TrainingPerMillion, where), m.Notes?.Trim()));
        }

        if (models.Count == 0)
        {
            throw new TandemException($"price book {name} lists no models", "add at least one entry under models");
        }

        return new PriceBook(asOf, file.Source?.Trim() ?? "unspecified", models);
    }

    /// <summary>The entry for a model id; fine-tuned ids ("ft:base:org::id") resolve to their base.</summary>
    public PricedModel? Find(string modelId)
    {
        if (_models.TryGetValue(modelId, out var model))
        {
            return model;
        }

        var parts = modelId.Split(':');
        return parts.Length > 1 && parts[0] == "ft" ? _models.GetValueOrDefault(parts[1]) : null;
    }

    private static decimal? NonNegative(decimal? value, string where) =>
        value is < 0 ? throw new TandemException($"{where}: a price cannot be negative", "fix the number") : value;

    /// <summary>YAML shape of the book.</summary>
    private sealed class BookFile
    {
        public string? AsOf { get; set; }
        public string? Source { get; set; }
        public List<ModelFile>? Models { get; set; }
    }

    /// <summary>YAML shape of one model.</summary>
    private sealed class ModelFile
    {
        public string? Id { get; set; }
        public string? Provider { get; set; }
        public PriceFile? Price { get; set; }
        public PriceFile? FineTunedPrice { get; set; }
        public decimal? TrainingPerMillion { get; set; }
        public string? Notes { get; set; }
    }

    /// <summary>YAML shape of a price.</summary>
    internal sealed class PriceFile
    {
        public decimal? Input { get; set; }
        public decimal? CachedInput { get; set; }
        public decimal? Output { get; set; }

        public TokenPrice ToPrice(string where)
        {
            if (Input is null || Output is null)
            {
                throw new TandemException($"{where}: a price needs input and output (USD per million tokens)", "add input: and output:");
            }

            if (Input < 0 || Output < 0 || CachedInput < 0)
            {
                throw new TandemException($"{where}: a price cannot be negative", "fix the number");
            }

            return new TokenPrice(Input.Value, CachedInput ?? Input.Value, Output.Value);
        }
    }
}
