using Tandem.Analysis;
using Tandem.Reporting;

namespace Tandem.Tests.Analysis;

/// <summary>A firm's own playbook that extends the shipped one and overrides parts of it.</summary>
public sealed class PlaybookOverrideTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tandem-playbook-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_ExtendsStandard_OverridesOneFieldAndKeepsTheRest()
    {
        var standard = PlaybookLoader.Load(PlaybookLoader.DefaultPath());
        var path = Write("ours.yaml", """
            name: Our playbook
            extends: standard
            rules:
              - category: Cap on Liability
                missing_severity: critical
                fallback: A cap of six months' fees if the other side refuses twelve.
            """);

        var ours = PlaybookLoader.Load(path);

        Assert.Equal("Our playbook", ours.Name);
        Assert.Equal(standard.Version, ours.Version);
        Assert.Equal(standard.Rules.Count, ours.Rules.Count);
        var cap = ours.RuleFor("Cap on Liability")!;
        var standardCap = standard.RuleFor("Cap on Liability")!;
        Assert.Equal(Severity.Critical, cap.MissingSeverity);
        Assert.Equal("A cap of six months' fees if the other side refuses twelve.", cap.Fallback);
        Assert.Equal(standardCap.StandardPosition, cap.StandardPosition);
        Assert.Equal(standardCap.Deviations.Select(d => d.Name), cap.Deviations.Select(d => d.Name));
        Assert.Equal(standard.RuleFor("Insurance")!.MissingRationale, ours.RuleFor("Insurance")!.MissingRationale);
        Assert.Equal(standardCap.Detect?.ToString(), cap.Detect?.ToString());
    }

    [Fact]
    public void Load_DetectWithDefinitions_KeptUnlessOverridden_AndMatchedOnlyWithTheDefinitions()
    {
        var standard = PlaybookLoader.Load(PlaybookLoader.DefaultPath());
        var path = Write("ours.yaml", """
            name: Our playbook
            extends: standard
            rules:
              - category: Irrevocable or Perpetual License
                missing_severity: high
              - category: Insurance
                detect_with_definitions: '(?s)\bInsured\s+Risks\b.*\n\n.*\bmeans\b.*\bflood\b'
            """);

        var ours = PlaybookLoader.Load(path);

        Assert.Equal(standard.RuleFor("Irrevocable or Perpetual License")!.DetectWithDefinitions!.ToString(),
            ours.RuleFor("Irrevocable or Perpetual License")!.DetectWithDefinitions?.ToString());
        var insurance = ours.RuleFor("Insurance")!;
        Assert.True(insurance.DetectsWithDefinitions("7.1 The Tenant shall insure the Premises against the Insured Risks.\n\n\"Insured Risks\" means fire and flood."));
        Assert.False(insurance.DetectsWithDefinitions("7.1 The Tenant shall insure the Premises against the Insured Risks."));
        Assert.Null(standard.RuleFor("Insurance")!.DetectWithDefinitions);
    }

    [Fact]
    public void Load_ExpectedWhen_KeptUnlessOverriddenAndNarrowsTheExpectation()
    {
        Write("base.yaml", """
            name: Base
            version: "1"
            rules:
              - category: Source Code Escrow
                expected: true
                expected_when: '(?i)\bsoftware\b'
              - category: Insurance
                expected: true
                expected_when: '(?i)\bpremises\b'
            """);
        var path = Write("ours.yaml", """
            name: Ours
            extends: base.yaml
            rules:
              - category: Insurance
                expected_when: '(?i)\bsite\b'
            """);

        var ours = PlaybookLoader.Load(path);

        var escrow = ours.RuleFor("Source Code Escrow")!;
        Assert.True(escrow.IsExpectedIn("services", "Customer", "The Supplier maintains the software."));
        Assert.False(escrow.IsExpectedIn("services", "Customer", "The Supplier cleans the offices."));
        Assert.True(escrow.IsExpectedIn("services", "Customer"));
        var insurance = ours.RuleFor("Insurance")!;
        Assert.True(insurance.IsExpectedIn("services", "Customer", "Work on the site."));
        Assert.False(insurance.IsExpectedIn("services", "Customer", "Work at the premises."));
    }

    [Theory]
    [InlineData("Source Code Escrow", "saas", "Customer", true)] // a hosted platform's customer expects continuity escrow
    [InlineData("Source Code Escrow", "saas", "Provider", false)]
    [InlineData("Renewal Term", "saas", "Provider", true)] // a provider expects the subscription to run on
    [InlineData("Renewal Term", "saas", "Customer", false)]
    [InlineData("Exclusivity", "distribution", "Reseller", true)]
    public void ShippedPlaybook_ExpectsWhatTheKeyWritersExpectedForTheSide(string category, string kind, string role, bool expected) =>
        Assert.Equal(expected, PlaybookLoader.Load(Tandem.Tests.Support.RepositoryPaths.Playbook).RuleFor(category)!
            .IsExpectedIn(kind, role, "The Reseller may sell the Products in the Territory."));

    [Fact]
    public void Load_ExpectedAlso_AddsAKindWithItsOwnWordsAndIsKeptUnlessOverridden()
    {
        Write("base.yaml", """
            name: Base
            version: "1"
            rules:
              - category: No-Solicit of Employees
                expected: true
                expected_for: [services/provider]
                expected_also:
                  - for: [nda/company]
                    when: '(?i)\bacquisition\b'
            """);
        var path = Write("ours.yaml", """
            name: Ours
            extends: base.yaml
            rules:
              - category: No-Solicit of Employees
                missing_severity: high
            """);

        var rule = PlaybookLoader.Load(path).RuleFor("No-Solicit of Employees")!;

        Assert.True(rule.IsExpectedIn("services", "Provider", "The Provider shall perform the Services."));
        Assert.True(rule.IsExpectedIn("nda", "Company", "A possible acquisition of the Company."));
        Assert.False(rule.IsExpectedIn("nda", "Company", "A possible supply arrangement."));
        Assert.False(rule.IsExpectedIn("nda", "Bidder", "A possible acquisition of the Company."));
        Assert.False(rule.IsExpectedIn("saas", "Customer", "A possible acquisition of the Company."));
    }

    [Fact]
    public void Load_ExpectedExcept_WinsOverExpectedForAndAlsoAndIsKeptUnlessOverridden()
    {
        Write("base-except.yaml", """
            name: Base
            version: "1"
            rules:
              - category: Post-Termination Services
                expected: true
                expected_for: [saas, services]
                expected_also:
                  - for: [nda/recipient]
                    when: '(?i)\bdata\b'
                expected_except: [saas/provider, nda]
            """);
        var path = Write("ours-except.yaml", """
            name: Ours
            extends: base-except.yaml
            rules:
              - category: Post-Termination Services
                missing_severity: high
            """);

        var rule = PlaybookLoader.Load(path).RuleFor("Post-Termination Services")!;

        Assert.True(rule.IsExpectedIn("saas", "Customer"));
        Assert.False(rule.IsExpectedIn("saas", "Provider"));
        Assert.True(rule.IsExpectedIn("services", "Provider"));
        Assert.False(rule.IsExpectedIn("nda", "Recipient", "Personal data."));
        Assert.True(rule.IsExpectedIn("saas", null));
    }

    [Fact]
    public void Parse_Absence_ReadPerDeviationAndOnlyThoseLeaveTheProtectionMissing()
    {
        var rule = PlaybookLoader.Parse("""
            name: Ours
            rules:
              - category: Post-Termination Services
                expected: true
                deviations:
                  - name: No sell-off period
                    pattern: '(?i)\bimmediately\s+cease\s+selling\b'
                    absence: true
                  - name: Short sell-off period
                    pattern: '(?i)\bthirty\s+days\b'
            """, "ours.yaml").RuleFor("Post-Termination Services")!;
        Finding Showing(params string[] deviations) =>
            new("Post-Termination Services", Severity.Medium, "c1", "16.4", null, "16.4 On termination ...", 0, 20, 1, null, deviations, 0.9);

        Assert.True(rule.Deviations[0].Absence);
        Assert.False(rule.Deviations[1].Absence);
        Assert.False(rule.CountsAsPresent(Showing("No sell-off period")));
        Assert.True(rule.CountsAsPresent(Showing("Short sell-off period")));
        Assert.True(rule.CountsAsPresent(Showing()));
    }

    [Fact]
    public void Parse_ExpectedAlsoWithoutKinds_IsOneClearError()
    {
        var error = Assert.Throws<TandemException>(() => PlaybookLoader.Parse("""
            name: Bad
            rules:
              - category: Insurance
                expected: true
                expected_for: [saas]
                expected_also:
                  - when: '(?i)\bpremises\b'
            """, "bad.yaml"));

        Assert.Contains("expected_also 1 has no 'for'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DeviationByName_ReplacedRemovedOrAdded()
    {
        Write("base.yaml", """
            name: Base
            version: "1"
            rules:
              - category: Termination for Convenience
                expected: true
                deviations:
                  - name: Short notice
                    pattern: '(?i)\bthirty\b'
                    severity: medium
                  - name: Their exit
                    when: [them]
                    severity: high
              - category: Insurance
                expected: true
            """);
        var path = Write("ours.yaml", """
            name: Ours
            extends: base.yaml
            rules:
              - category: termination for convenience
                deviations:
                  - name: short notice
                    pattern: '(?i)\b(thirty|sixty)\b'
                    severity: high
                  - name: Their exit
                    remove: true
                  - name: Any exit
                    pattern: '(?i)\bat any time\b'
                    severity: low
              - category: Insurance
                remove: true
            """);

        var ours = PlaybookLoader.Load(path);

        Assert.Equal("1", ours.Version);
        var rule = Assert.Single(ours.Rules);
        Assert.True(rule.Expected);
        Assert.Equal(["short notice", "Any exit"], rule.Deviations.Select(d => d.Name));
        Assert.Equal(Severity.High, rule.Deviations[0].Severity);
        Assert.Matches(rule.Deviations[0].Pattern!.Regex, "sixty days");
    }

    [Fact]
    public void Load_ExtendsMissingFile_OneLineError()
    {
        var path = Write("ours.yaml", "name: Ours\nextends: nowhere.yaml\nrules: []\n");

        var error = Assert.Throws<TandemException>(() => PlaybookLoader.Load(path));

        Assert.Contains("extends nowhere.yaml, which is not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExtendsItself_RefusedInsteadOfLooping()
    {
        var path = Write("loop.yaml", "name: Loop\nextends: loop.yaml\nrules: [{category: Insurance}]\n");

        var error = Assert.Throws<TandemException>(() => PlaybookLoader.Load(path));

        Assert.Contains("more than four deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AskFor_MissingProtection_NamesTheStandardAndTheFallback()
    {
        var missing = new MissingProtection("Cap on Liability", Severity.High, "No cap.", "A mutual cap of twelve months' fees.") { Fallback = "Six months' fees." };

        Assert.Equal("Ask for: A mutual cap of twelve months' fees. Fallback: Six months' fees.", ReportText.AskFor(missing));
        Assert.Null(ReportText.AskFor(missing with { StandardPosition = null, Fallback = null }));
    }

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, yaml);
        return path;
    }
}
