namespace Tandem.Server.Tests;

/// <summary>Small contracts written for the server tests.</summary>
public static class Contracts
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
}
