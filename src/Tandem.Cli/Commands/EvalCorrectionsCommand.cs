using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Tandem.Analysis;
using Tandem.Evaluation;
using Tandem.Learning;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem eval corrections</c>: the learning loop offline. Contracts of a CUAD-style folder
/// (never the held-out gate set) are reviewed by the current local analyst, the reports are
/// stored, and a stand-in lawyer corrects them from the gold labels through the same path as
/// <c>tandem correct</c>; with <c>--accept</c> a stand-in reviewer accepts the corrections.
/// </summary>
internal static class EvalCorrectionsCommand
{
    public static Command Create(CommandRunner run)
    {
        var data = new Option<string>("--data") { Description = "Folder laid out like CUAD (contracts/*.txt, master_clauses.csv)", Required = true };
        var skip = new Option<int>("--skip") { Description = "Skip this many non-held-out contracts (name order): the curated ones 'retrain local --contracts N' trains on", DefaultValueFactory = _ => 0 };
        var count = new Option<int?>("--contracts") { Description = "Review and correct at most this many contracts" };
        var modelFile = new Option<string?>("--model-file") { Description = "The analyst that writes the reports (default: the local champion in the registry, else the shipped model)" };
        var accept = new Option<bool>("--accept") { Description = "Accept the corrections as a reviewer would (they train only once accepted)" };
        var share = new Option<double>("--share") { Description = "The lawyer corrects only this share of what is wrong (0-1, chosen by a stable hash); the rest stays wrong in the report", DefaultValueFactory = _ => 1.0 };
        var command = new Command("corrections", "Review non-held-out CUAD contracts with the local analyst and correct the reports from the gold labels, as a lawyer would")
        {
            data, skip, count, modelFile, accept, share, CliOptions.Access,
        };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            if (parse.GetValue(skip) < 0 || parse.GetValue(count) is < 1 || parse.GetValue(share) is < 0 or > 1)
            {
                throw new TandemException("--skip must be 0 or more, --contracts at least 1, and --share between 0 and 1");
            }

            var dataset = CuadDataset.Load(parse.GetValue(data)!);
            var contracts = dataset.Contracts.Where(c => !LocalRetrainer.IsGateContract(c.Name)).Skip(parse.GetValue(skip)).Take(parse.GetValue(count) ?? int.MaxValue).ToList();
            var registry = context.Get<IModelRegistry>();
            var analyst = parse.GetValue(modelFile) is { } modelPath ? LocalAnalyst.Load(modelPath) : await registry.LoadLocalChampionAsync(cancellationToken);
            var reviewer = new ContractReviewer(context.Ingestor, context.Store, new ContractAnalyzer(analyst));
            var reports = context.Reports;
            var examples = context.Get<IExampleStore>();
            var recorder = new CorrectionRecorder(reports, context.Store, context.Get<ICorrectionStore>());
            var access = context.ParseAccess(parse.GetValue(CliOptions.Access));
            var playbook = PlaybookLoader.Load(PlaybookLoader.DefaultPath());
            var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
            int findings = 0, accepted = 0;
            var watch = Stopwatch.StartNew();
            foreach (var contract in contracts)
            {
                var report = await reviewer.ReviewFileAsync(contract.TextPath, context.Caller, playbook, new AnalysisOptions(), access, cancellationToken);
                await reports.SaveAsync(report, context.Caller, cancellationToken);
                findings += report.Findings.Count;
                var document = await context.Store.GetDocumentAsync(report.DocumentId, context.Caller, cancellationToken);
                var requests = GoldCorrections.For(report, contract, document!.Text);
                foreach (var request in requests.Where((r, i) => Kept(report.ReportId, i, parse.GetValue(share))))
                {
                    var (correction, added) = await recorder.CorrectAsync(report.ReportId, request, context.Caller, cancellationToken);
                    kinds[correction.Kind] = kinds.GetValueOrDefault(correction.Kind) + (added ? 1 : 0);
                    if (added && parse.GetValue(accept) && await examples.ReviewAsync(correction.ExampleId, accept: true, "stand-in reviewer", cancellationToken))
                    {
                        accepted++;
                    }
                }
            }

            var partial = parse.GetValue(share) < 1 ? string.Create(CultureInfo.InvariantCulture, $"a {parse.GetValue(share):0.##} share of what was wrong: ") : string.Empty;
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"reviewed {contracts.Count} contracts with {analyst.RegistryId ?? "the model file with sha256 " + analyst.FileHash} ({findings} findings) in {watch.Elapsed.TotalSeconds:0.0} s; corrections: {partial}"
                + $"{kinds.GetValueOrDefault(Correction.FalsePositive)} false positives, {kinds.GetValueOrDefault(Correction.Change)} changes of category or quote, {kinds.GetValueOrDefault(Correction.Missed)} missed findings; {accepted} accepted"));
            return 0;
        }));
        return command;
    }

    /// <summary>Whether the stand-in lawyer makes the <paramref name="index"/>th correction of a report: a stable draw at rate <paramref name="share"/>.</summary>
    private static bool Kept(string reportId, int index, double share) =>
        share >= 1 || BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{reportId}\n{index}")), 0) / (double)uint.MaxValue < share;
}
