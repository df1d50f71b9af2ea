using System.Globalization;
using System.Text;

namespace Tandem.Tests.Support;

/// <summary>Small evaluation folders written here, laid out like CUAD and ACORD, for commands that take <c>--data</c>.</summary>
public static class DataFolders
{
    private static readonly string[][] Variants =
    [
        // Governing Law
        ["This Agreement is governed by the laws of the State of {0}.", "The laws of {0} govern this Agreement and any dispute under it.",
         "This contract shall be construed under the law of {0}, without regard to conflicts principles.", "{0} law applies to the interpretation of this Agreement.",
         "All questions concerning this Agreement are determined under the laws of {0}.", "The governing law of this Agreement is that of {0}."],
        // Cap on Liability
        ["The aggregate liability of either party shall not exceed the fees paid in the prior {1} months.", "Total liability is limited to the amounts paid over {1} months.",
         "In no event will damages exceed the charges paid during the {1} months before the claim.", "The maximum liability of each party is capped at {1} months of fees.",
         "The liability of either party is limited to fees received in the last {1} months.", "Damages recoverable shall not exceed {1} months of payments."],
    ];

    private static readonly string[] Filler =
    [
        "The Supplier shall deliver the goods to the Customer's warehouse.", "Invoices are payable within thirty days.",
        "Notices shall be delivered in writing to the addresses above.", "Each party shall keep the other's information confidential.",
        "The Customer may inspect the goods on delivery.", "The parties shall meet quarterly to review performance.",
    ];

    private static readonly string[] Places = ["New York", "Delaware", "Texas", "Ontario", "England", "California"];

    /// <summary>
    /// Writes a CUAD-like folder (contracts/*.txt, master_clauses.csv) of supply agreements with
    /// labelled Governing Law and Cap on Liability clauses; returns the folder.
    /// </summary>
    public static string WriteCuadLike(string folder, int contracts = 40)
    {
        var rows = new StringBuilder("Filename,Governing Law,Cap on Liability\n");
        for (var i = 0; i < contracts; i++)
        {
            var law = string.Format(CultureInfo.InvariantCulture, Variants[0][i % 6], Places[(i / 6) % 6]);
            var cap = string.Format(CultureInfo.InvariantCulture, Variants[1][(i + 3) % 6], "", 6 + (i % 4) * 6);
            var body = new StringBuilder($"SUPPLY AGREEMENT {i}\n\n");
            var clauses = new List<string> { Filler[i % 6], law, Filler[(i + 1) % 6], cap, Filler[(i + 2) % 6], Filler[(i + 4) % 6] };
            for (var c = 0; c < clauses.Count; c++)
            {
                body.Append(CultureInfo.InvariantCulture, $"{c + 1}. {clauses[c]}\n\n");
            }

            Write(Path.Combine(folder, "contracts", $"Contract {i:00}.txt"), body.ToString());
            rows.Append(CultureInfo.InvariantCulture, $"Contract {i:00}.pdf,\"['{law}']\",\"['{cap}']\"\n");
        }

        Write(Path.Combine(folder, "master_clauses.csv"), rows.ToString());
        return folder;
    }

    /// <summary>Writes an ACORD-like BEIR folder with a train split: two queries over a dozen clauses.</summary>
    public static string WriteAcordLike(string folder)
    {
        var corpus = new StringBuilder();
        var qrels = new StringBuilder("query-id\tcorpus-id\tscore\n");
        for (var i = 0; i < 12; i++)
        {
            var text = i % 2 == 0
                ? string.Format(CultureInfo.InvariantCulture, Variants[0][i % 6], Places[i % 6])
                : string.Format(CultureInfo.InvariantCulture, Variants[1][i % 6], "", 6 + i);
            corpus.Append(CultureInfo.InvariantCulture, $"{{\"_id\": \"c{i:00}\", \"text\": \"{text}\"}}\n");
            qrels.Append(CultureInfo.InvariantCulture, $"{(i % 2 == 0 ? "governing law" : "cap on liability")}\tc{i:00}\t{1 + i % 4}\n");
        }

        Write(Path.Combine(folder, "corpus.jsonl"), corpus.ToString());
        Write(Path.Combine(folder, "queries.jsonl"),
            "{\"_id\": \"governing law\", \"text\": \"governing law\", \"metadata\": {\"category\": \"Governing Law\", \"split\": \"train\"}}\n" +
            "{\"_id\": \"cap on liability\", \"text\": \"cap on liability\", \"metadata\": {\"category\": \"Cap on Liability\", \"split\": \"train\"}}\n");
        Write(Path.Combine(folder, "qrels", "train.tsv"), qrels.ToString());
        return folder;
    }

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
