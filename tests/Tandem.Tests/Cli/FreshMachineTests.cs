using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

/// <summary>
/// Every command of the README, each as the first command on a new machine: the built
/// <c>tandem</c> as its own process, an empty HOME, no <c>--db</c>. A command either works
/// (exit 0) or says in one <c>error:</c> line what is wrong (exit 1); none crashes (exit 70) or
/// prints a stack trace. The error lines are kept as a snapshot.
/// </summary>
public sealed partial class FreshMachineTests
{
    /// <summary>
    /// (README command, arguments, expected exit). In arguments, <c>{home}</c> is the new user's
    /// home; <c>{cuad}</c>, <c>{acord}</c>, <c>{kb}</c> and <c>{chat}</c> are written there first: a
    /// CUAD-like and an ACORD-like folder, a copy of the sample contracts, a chat fine-tuning file.
    /// </summary>
    public static readonly (string Command, string[] Args, int Exit)[] Runs =
    [
        ("analyze", ["analyze", "samples/contracts/saas-subscription-agreement.md"], 0),
        ("analyze", ["analyze", "samples/contracts/mutual-nda.txt", "--format", "md", "--out", "{home}/report.md"], 0),
        ("analyze", ["analyze", "samples/contracts/saas-subscription-agreement.md", "--for", "provider", "--type", "saas"], 0),
        ("analyze", ["analyze", "samples/contracts/saas-subscription-agreement.md", "--for", "licensee"], 1),
        // An option given no value (the in-process runner appends --db, so only a process sees this as a user types it).
        ("analyze", ["analyze", "samples/contracts/mutual-nda.txt", "--out"], 1),
        ("search", ["search", "liability", "--limit"], 1),
        ("analyze --model", ["analyze", "samples/contracts/mutual-nda.txt", "--model", "reviewer"], 1),
        ("ingest", ["ingest", "samples/contracts", "--acl", "alice,group:legal"], 0),
        ("sync", ["sync", "{kb}"], 0),
        ("search", ["search", "limitation of liability"], 0),
        ("search", ["search", "limitation of liability", "--mode", "hybrid"], 0),
        ("documents", ["documents", "--all"], 0),
        ("clauses", ["clauses", "samples/contracts/mutual-nda.txt"], 0),
        ("train local", ["train", "local", "--data", "{cuad}", "--out", "{home}/analyst.zip"], 0),
        ("train side", ["train", "side", "--review-key", "samples/review-key/answers.json", "--out", "{home}/analyst-side.zip"], 0),
        ("train side", ["train", "side", "--review-key", "samples/review-key/answers.json", "--side-threshold", "2"], 1),
        ("eval cuad", ["eval", "cuad", "--data", "{cuad}"], 0),
        ("eval cuad", ["eval", "cuad", "--data", "{cuad}", "--retrieval", "--compare", "bm25,hybrid"], 0),
        ("eval acord", ["eval", "acord", "--data", "{acord}", "--split", "train", "--compare", "bm25"], 0),
        ("eval acord", ["eval", "acord", "--data", "{acord}", "--split", "test"], 1),
        ("eval tokens", ["eval", "tokens", "--data", "{cuad}"], 0),
        ("eval review", ["eval", "review", "--key", "samples/review-key/answers.json", "--contracts", "samples/contracts"], 0),
        ("models list", ["models", "list"], 0),
        ("models test", ["models", "test", "reviewer"], 1),
        ("ask", ["ask", "what is the liability cap?"], 0),
        ("ask", ["ask", "what is the liability cap?", "--model", "reviewer"], 1),
        ("eval compare", ["eval", "compare", "--data", "{cuad}", "--configs", "local", "--contracts", "3"], 0),
        ("usage", ["usage", "--days", "30"], 0),
        ("correct", ["correct", "rpt_0000000000000000", "--finding", "1", "--false-positive"], 1),
        ("correct", ["correct", "rpt_0000000000000000", "--list"], 1),
        ("retrain local", ["retrain", "local", "--data", "{cuad}", "--contracts", "10"], 0),
        ("retrain local", ["retrain", "local", "--data", "{cuad}", "--if-due"], 0),
        ("retrain provider", ["retrain", "provider", "--model", "base"], 1),
        ("eval corrections", ["eval", "corrections", "--data", "{cuad}", "--skip", "0", "--contracts", "3", "--accept"], 0),
        ("models evaluate", ["models", "evaluate", "local-20260101000000-abcdef", "--data", "{cuad}", "--groups", "admin"], 1),
        ("models registry", ["models", "registry"], 0),
        ("models promote", ["models", "promote", "local-20260101000000-abcdef", "--groups", "admin"], 1),
        ("models register", ["models", "register", "--endpoint", "http://127.0.0.1:9/v1", "--model", "contracts-lora", "--groups", "admin"], 0),
        ("examples import", ["examples", "import", "samples/examples/review-examples.jsonl"], 0),
        ("examples list", ["examples", "list"], 0),
        ("examples export", ["examples", "export", "{home}/examples.jsonl"], 0),
        ("examples review", ["examples", "review", "ex_0000", "--accept"], 1),
        ("dataset build", ["dataset", "build", "--format", "openai-chat", "--out", "{home}/dataset"], 1),
        ("dataset validate", ["dataset", "validate", "{chat}", "--format", "openai-chat"], 0),
        ("finetune start", ["finetune", "start", "--model", "base", "--train", "{chat}"], 1),
        ("finetune status", ["finetune", "status", "ftjob-1", "--model", "base"], 1),
        ("finetune cancel", ["finetune", "cancel", "ftjob-1", "--model", "base"], 1),
        ("finetune export", ["finetune", "export", "--train", "{chat}", "--base", "meta-llama/Llama-3.1-8B-Instruct", "--name", "contracts", "--out", "{home}/lora"], 0),
        ("roi", ["roi", "--scenario", "samples/scenarios/legal-contract-review.yaml", "--chart", "{home}/roi.png"], 0),
        ("advise", ["advise", "--answers", "samples/advisor/contract-review.yaml"], 0),
        ("keys create", ["keys", "create", "--user", "alice", "--groups", "legal", "--expires", "90d"], 0),
        ("keys list", ["keys", "list"], 0),
        ("keys revoke", ["keys", "revoke", "0123456789abcdef"], 1),
        // Serving runs until stopped: here only its refusal of a bad address; ServeProcessTests serves for real.
        ("serve", ["serve", "--urls", "ftp://127.0.0.1:1"], 1),
        ("review-batch", ["review-batch", "samples/contracts"], 0),
        // A worker needs the shared PostgreSQL store: here its one-line refusal of one it cannot reach; MultiNodeTests runs workers for real.
        ("worker", ["worker", "--store", "Host=127.0.0.1;Port=1;Database=tandem;Username=tandem;Timeout=2"], 1),
    ];

    [Fact]
    public async Task EveryReadmeCommand_FirstOnAFreshMachine_WorksOrSaysWhyInOneLine()
    {
        var failures = new ConcurrentBag<string>();
        var errors = new ConcurrentDictionary<int, string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Runs.Length), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, _) =>
        {
            var (command, template, expected) = Runs[i];
            using var tandem = new TandemProcess();
            var args = template.Select(a => Expand(a, tandem.Home)).ToArray();
            var (exit, output, error) = await tandem.RunAsync(args, TimeSpan.FromMinutes(4));
            var shown = $"tandem {string.Join(' ', template)}";
            if (exit != expected)
            {
                failures.Add($"{shown}: exit {exit}, expected {expected}\n{output}{error}");
            }

            if (error.Contains("   at ", StringComparison.Ordinal) || error.Contains("Exception", StringComparison.Ordinal))
            {
                failures.Add($"{shown}: a stack trace or exception name on stderr\n{error}");
            }

            if (exit != 0)
            {
                var lines = error.TrimEnd('\n').Split('\n');
                if (lines.Length != 1 || !lines[0].StartsWith("error: ", StringComparison.Ordinal))
                {
                    failures.Add($"{shown}: expected one 'error:' line on stderr, got:\n{error}");
                }

                errors[i] = $"{shown}\n  {Snapshot.Scrub(error.TrimEnd('\n'), tandem.Home)}";
            }
        });

        Assert.True(failures.IsEmpty, string.Join("\n\n", failures));
        Snapshot.Match("fresh-machine-errors", string.Join("\n", errors.OrderBy(e => e.Key).Select(e => e.Value)) + "\n");
    }

    [Fact]
    public void Runs_CoverEveryCommandTheReadmeTableNames()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var table = readme[readme.IndexOf("## Commands", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n## ", 2, StringComparison.Ordinal)];
        var named = CommandInTable().Matches(table).Select(m => m.Groups[1].Value.Trim()).ToHashSet(StringComparer.Ordinal);
        var covered = Runs.Select(r => r.Command.Split(" --")[0]).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(named);
        Assert.Empty(named.Where(c => !covered.Contains(c)).Order());
    }

    private static string Expand(string arg, string home)
    {
        if (arg.Contains("{cuad}", StringComparison.Ordinal) && !Directory.Exists(Path.Combine(home, "cuad")))
        {
            DataFolders.WriteCuadLike(Path.Combine(home, "cuad"), contracts: 20);
        }

        if (arg.Contains("{acord}", StringComparison.Ordinal) && !Directory.Exists(Path.Combine(home, "acord")))
        {
            DataFolders.WriteAcordLike(Path.Combine(home, "acord"));
        }

        if (arg.Contains("{kb}", StringComparison.Ordinal) && !Directory.Exists(Path.Combine(home, "kb")))
        {
            Directory.CreateDirectory(Path.Combine(home, "kb"));
            foreach (var file in Directory.GetFiles(RepositoryPaths.Samples).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(home, "kb", Path.GetFileName(file)));
            }
        }

        if (arg.Contains("{chat}", StringComparison.Ordinal) && !File.Exists(Path.Combine(home, "chat.jsonl")))
        {
            var line = """{"messages":[{"role":"system","content":"You review contracts."},{"role":"user","content":"Clause: The laws of Texas govern."},{"role":"assistant","content":"Governing Law: Texas."}]}""";
            File.WriteAllText(Path.Combine(home, "chat.jsonl"), string.Join('\n', Enumerable.Repeat(line, 12)) + "\n", new UTF8Encoding(false));
        }

        return arg.Replace("{home}", home, StringComparison.Ordinal).Replace("{cuad}", Path.Combine(home, "cuad"), StringComparison.Ordinal)
            .Replace("{acord}", Path.Combine(home, "acord"), StringComparison.Ordinal).Replace("{kb}", Path.Combine(home, "kb"), StringComparison.Ordinal)
            .Replace("{chat}", Path.Combine(home, "chat.jsonl"), StringComparison.Ordinal);
    }

    /// <summary>A command as the table writes it: "`tandem models registry [...]".</summary>
    [GeneratedRegex(@"`tandem ([a-z][a-z-]*(?: [a-z]+)?)")]
    private static partial Regex CommandInTable();
}
