using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Tandem.Analysis;

namespace Tandem.Evaluation;

/// <summary>
/// Loads a folder laid out like CUAD v1: <c>contracts/*.txt</c> and <c>master_clauses.csv</c>
/// (one row per contract, one Python-list column per category).
/// </summary>
public sealed class CuadDataset
{
    private CuadDataset(string folder, IReadOnlyList<CuadContract> contracts, IReadOnlyList<string> unmatched)
    {
        Folder = folder;
        Contracts = contracts;
        UnmatchedRows = unmatched;
    }

    public string Folder { get; }

    /// <summary>Contracts whose row found its text file, ordered by name.</summary>
    public IReadOnlyList<CuadContract> Contracts { get; }

    /// <summary>Rows of the CSV whose file could not be found.</summary>
    public IReadOnlyList<string> UnmatchedRows { get; }

    /// <summary>The same data set restricted to the contracts <paramref name="keep"/> accepts.</summary>
    public CuadDataset Where(Func<CuadContract, bool> keep) => new(Folder, Contracts.Where(keep).ToList(), UnmatchedRows);

    /// <summary>Loads the data set; throws a <see cref="TandemException"/> if the layout is wrong.</summary>
    public static CuadDataset Load(string folder)
    {
        var root = Path.GetFullPath(folder);
        var csvPath = Path.Combine(root, "master_clauses.csv");
        var contractsDir = Path.Combine(root, "contracts");
        if (!File.Exists(csvPath) || !Directory.Exists(contractsDir))
        {
            throw new TandemException($"{folder} is not a CUAD folder (expected master_clauses.csv and contracts/*.txt)",
                "pass the folder of the CUAD development data, e.g. ../shared/data/cuad-dev");
        }

        var files = Directory.EnumerateFiles(contractsDir, "*.txt")
            .GroupBy(f => Key(Path.GetFileNameWithoutExtension(f)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var contracts = new List<CuadContract>();
        var unmatched = new List<string>();
        using var reader = new StreamReader(csvPath, Encoding.UTF8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? throw new TandemException($"{csvPath} has no header row", "check the file");
        var categoryColumns = header
            .Select((name, index) => (Category: ClauseCategories.Canonical(name), Index: index, Name: name))
            .Where(c => c.Category is not null && !c.Name.Contains("Answer", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var filenameColumn = Array.FindIndex(header, h => h.Trim().Equals("Filename", StringComparison.OrdinalIgnoreCase));
        if (filenameColumn < 0 || categoryColumns.Count == 0)
        {
            throw new TandemException($"{csvPath} lacks the Filename or category columns", "check that it is CUAD's master_clauses.csv");
        }

        while (csv.Read())
        {
            var fileName = csv.GetField(filenameColumn) ?? string.Empty;
            if (!files.TryGetValue(Key(Path.GetFileNameWithoutExtension(fileName)), out var path))
            {
                unmatched.Add(fileName);
                continue;
            }

            var gold = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var column in categoryColumns)
            {
                try
                {
                    gold[column.Category!] = PythonListLiteral.Parse(csv.GetField(column.Index) ?? string.Empty);
                }
                catch (FormatException e)
                {
                    throw new TandemException($"{csvPath}, line {csv.Parser.RawRow}, column '{column.Name}': {e.Message}",
                        "each category cell must be a Python-style list of quoted strings, e.g. ['first clause', 'second clause']");
                }
            }

            contracts.Add(new CuadContract(Path.GetFileNameWithoutExtension(path), path, gold));
        }

        contracts.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new CuadDataset(root, contracts, unmatched);
    }

    /// <summary>The matching key of a file stem: NFC, '&amp;' and '\'' as '_', no trailing spaces or '-'.</summary>
    public static string Key(string stem) =>
        stem.Normalize(NormalizationForm.FormC).Replace('&', '_').Replace('\'', '_').TrimEnd(' ', '-');
}
