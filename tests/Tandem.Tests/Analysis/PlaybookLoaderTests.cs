using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

public sealed class PlaybookLoaderTests
{
    [Fact]
    public void Load_ShippedPlaybook_CoversEveryCategoryWithValidRules()
    {
        var playbook = PlaybookLoader.Load(RepositoryPaths.Playbook);

        Assert.Equal(ClauseCategories.All.Order(), playbook.Rules.Select(r => r.Category).Order());
        Assert.Contains(playbook.Rules, r => r.Expected && r.Category == "Cap on Liability");
    }

    [Fact]
    public void Parse_SameNameAndVersionDifferentRules_DifferentContentHashAndReportId()
    {
        const string head = "name: Firm\nversion: \"1\"\nrules:\n  - category: Governing Law\n    severity: ";
        var low = PlaybookLoader.Parse(head + "low\n", "a.yaml");
        var high = PlaybookLoader.Parse(head + "high\n", "b.yaml");
        var document = new Tandem.Store.StoredDocument("doc_1", "msa", "msa.txt", "text/plain", 1, "hash", "text", []);

        string Id(Playbook p) => RiskReport.For(document, p, "key", "model", DateTimeOffset.UnixEpoch, 0, [], []).ReportId;

        Assert.Equal(low.ContentHash, PlaybookLoader.Parse(head + "low\n", "c.yaml").ContentHash);
        Assert.NotEqual(low.ContentHash, high.ContentHash);
        Assert.NotEqual(Id(low), Id(high));
    }

    [Fact]
    public void Parse_DeviationPatterns_DecideSeverity()
    {
        var playbook = PlaybookLoader.Parse("""
            name: Test
            rules:
              - category: cap on liability
                expected: true
                severity: low
                missing_severity: high
                deviations:
                  - name: unlimited
                    pattern: '(?i)unlimited'
                    severity: critical
                  - name: no amount
                    absent_pattern: '\$\d'
                    severity: medium
            """, "test.yaml");

        var rule = Assert.Single(playbook.Rules);
        Assert.Equal("Cap on Liability", rule.Category);
        Assert.Equal(Severity.High, rule.MissingSeverity);
        Assert.True(rule.Deviations[0].Matches("liability is UNLIMITED"));
        Assert.False(rule.Deviations[1].Matches("capped at $100"));
        Assert.True(rule.Deviations[1].Matches("capped at fees paid"));
    }

    [Theory]
    [InlineData("name: X\nrules:\n  - category: Cheese Rights\n", "unknown category 'Cheese Rights'")]
    [InlineData("name: X\nrules:\n  - category: Insurance\n    severity: dire\n", "unknown severity 'dire'")]
    [InlineData("name: X\nrules:\n  - category: Insurance\n    deviations:\n      - name: bad\n        pattern: '(unclosed'\n", "invalid regular expression")]
    [InlineData("name: X\nrules:\n  - category: Insurance\n    detect_with_definitions: '(unclosed'\n", "invalid regular expression")]
    [InlineData("name: X\nrules:\n  - category: Insurance\n    deviations:\n      - name: bad\n        pattern: '{them}(''''s)\\s+insurance'\n", "two apostrophes in a row")]
    [InlineData("name: X\nrules:\n  - category: Insurance\n    detect: \"\\binsur\"\n", "control character U+0008")]
    [InlineData("name: X\nrules:\n  - category: Insurance\n    deviations:\n      - name: slow\n        pattern: 'insur'\n        contract_pattern: '(?is)(?=.*England)(?=.*Wales)'\n", "opens with a lookahead but is not anchored")]
    [InlineData("name: X\nrules:\n  - category: Insurance\n    severity: low\n    severity: high\n", "Duplicate key severity")]
    [InlineData("name: X\nrules:\n  - category: Insurance\n  - category: insurance\n", "has a rule already")]
    [InlineData("name: X\nrules: [\n", "not valid YAML at line")]
    [InlineData("name: X\n", "at least one rule")]
    [InlineData("name: X\nrules:\n  - category: Insurance\n    unknown_key: 1\n", "line 4, column 5: unknown key 'unknown_key'")]
    public void Parse_BadPlaybook_ClearError(string yaml, string expected)
    {
        var error = Assert.Throws<TandemException>(() => PlaybookLoader.Parse(yaml, "p.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("p.yaml", error.Message, StringComparison.Ordinal);
    }
}
