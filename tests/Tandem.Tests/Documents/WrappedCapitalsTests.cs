using Tandem.Documents;
using Tandem.Tests.Support;

namespace Tandem.Tests.Documents;

/// <summary>A PDF's wrapped capitalised sentences stay one clause.</summary>
public sealed class WrappedCapitalsTests
{
    [Fact]
    public void Join_WrappedCapitalSentence_OneLine()
    {
        const string text = "11.1 Exclusion. EXCEPT FOR THE EXCLUDED CLAIMS, NEITHER PARTY SHALL BE\nLIABLE FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES, OR FOR LOST\nPROFITS.\n\nARTICLE XII\nSOURCE CODE ESCROW\n\n12.1 Deposit. Licensor shall deposit the source code within thirty days of the date.";

        var joined = WrappedCapitals.Join(text);

        Assert.StartsWith("11.1 Exclusion. EXCEPT FOR THE EXCLUDED CLAIMS, NEITHER PARTY SHALL BE LIABLE FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES, OR FOR LOST PROFITS.\n\nARTICLE XII\nSOURCE CODE ESCROW\n", joined, StringComparison.Ordinal);
    }

    [Fact]
    public void Join_CrossReferenceAtLineStart_NotAnArticle()
    {
        const string text = "11.3 \"Excluded Claims\" means a Party's indemnification obligations under\nArticle X, a Party's breach of Article XIII, and damages caused by fraud.";

        Assert.DoesNotContain('\n', WrappedCapitals.Join(text));
    }

    [Fact]
    public async Task Segment_SampleLicencePdf_CapAndExclusionAreWholeClauses()
    {
        var document = await DocumentReaders.CreateDefault().ReadFileAsync(RepositoryPaths.Sample("software-licence-agreement.pdf"));
        var clauses = new ClauseSegmenter().Segment(document.Text).Clauses;

        Assert.DoesNotContain(clauses, c => c.Path is "11.1 ¶2" or "11.2 ¶2" or "11.2 ¶3" || c.Path.StartsWith("Article X~", StringComparison.Ordinal));
        Assert.Contains(clauses, c => c.Path == "11.2" && c.Text.Contains("TWELVE (12) MONTHS", StringComparison.Ordinal));
    }
}
