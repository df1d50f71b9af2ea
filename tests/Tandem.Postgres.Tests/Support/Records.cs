using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Store;

namespace Tandem.Postgres.Tests.Support;

/// <summary>Reports, examples and corrections to store, built for the tests.</summary>
public static class Records
{
    public static RiskReport Report(StoredDocument document, DateTimeOffset at, string id = "rpt_0123456789abcdef")
    {
        var clause = document.Clauses[^1];
        return new RiskReport
        {
            ReportId = id,
            DocumentId = document.DocumentId,
            DocumentTitle = document.Title,
            Source = document.Source,
            Version = document.Version,
            ContentHash = document.ContentHash,
            Playbook = "standard 1",
            Model = "local-test",
            CreatedAt = at,
            ClauseCount = document.Clauses.Count,
            Findings = [new Finding("Governing Law", Severity.Low, clause.ClauseId, clause.Clause.Path, clause.Clause.Heading, clause.Clause.Text, clause.Clause.Start,
                clause.Clause.End, 9, "Oregon law, not ours.", ["not Delaware"], 0.8125)
            {
                Favours = Favours.Them,
                Beneficiary = "Lessor",
                Definitions = [new DefinedTerm("Lease", "1.2", 0, 40, "1.2 \"Lease\" means this lease of the Premises.")],
            }],
            MissingProtections = [],
            ContractKind = "lease",
        };
    }

    public static TrainingExample Example(string id, string category, string provenance, IReadOnlyList<string> sources, IReadOnlyList<string> access, DateTimeOffset at) =>
        new(id, "clause-review", "The Lessee shall indemnify the Lessor against every claim.", category, "high", "One-sided indemnity.", provenance,
            sources, access, "alice", at, false, null) { Quote = "indemnify the Lessor", Side = "Lessee", Favours = "them" };

    public static Correction Correction(RiskReport report, string id, string exampleId, DateTimeOffset at)
    {
        var finding = report.Findings[0];
        return new Correction(id, report.ReportId, report.DocumentId, report.Version, 1, Tandem.Learning.Correction.Change, finding.ClauseId, finding.ClausePath, finding.Quote,
            finding, "Governing Law", "medium", "Another state's law costs us.", null, "check with the partner", "alice", at, exampleId);
    }
}
