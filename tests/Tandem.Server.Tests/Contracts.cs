using System.Net.Http.Headers;
using System.Text;

namespace Tandem.Server.Tests;

/// <summary>Contract files written for these tests, and the multipart bodies that upload them.</summary>
internal static class Contracts
{
    /// <summary>The library tests' supply agreement with a termination clause added, so questions about notice have an answer.</summary>
    public const string Supply = Tandem.Tests.Support.ContractTexts.Supply + """


        5. Termination. Either party may terminate this Agreement on ninety days' written notice.
        """;

    /// <summary>A document whose every part carries <paramref name="marker"/>, so its vocabulary holds it.</summary>
    public static string Secret(string marker) => $"""
        {marker.ToUpperInvariant()} SERVICES AGREEMENT

        1. Services. The {marker} shall perform the services in Schedule A and the {marker} fees are due monthly.

        2. Liability. The {marker} liability is capped at one million dollars for any claim.

        3. Confidentiality. The {marker} keeps the project confidential for ten years.
        """;

    /// <summary>A short contract whose text carries <paramref name="marker"/>, so a leak of it is findable.</summary>
    public static string Text(string marker) => $"""
        MASTER SERVICES AGREEMENT

        This Agreement is made between Northwind Ltd. ("Customer") and {marker} Systems Inc. ("Provider").

        1. Services. Provider shall perform the {marker} services described in Exhibit A.

        2. Limitation of Liability. In no event shall either party's liability exceed the fees paid in the twelve (12) months before the claim.

        3. Term. This Agreement continues for one (1) year and renews automatically unless either party gives sixty (60) days' notice.
        """;

    /// <summary>A multipart body holding the files and, when given, an access list field.</summary>
    public static MultipartFormDataContent Upload(string? access, params (string Name, string Text)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, text) in files)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(part, "files", name);
        }

        if (access is not null)
        {
            form.Add(new StringContent(access), "access");
        }

        return form;
    }
}
