namespace Tandem.Tests.Support;

/// <summary>Small contracts written for the tests.</summary>
public static class ContractTexts
{
    public const string Supply = """
        SUPPLY AGREEMENT

        This Supply Agreement (the "Agreement") is made between Alder Foods Inc. ("Buyer") and Birch Packaging LLC ("Supplier").

        1. Definitions. "Products" means the packaging described in Schedule 1.

        2. Term. This Agreement begins on March 1, 2026 and continues for three years.

        3. Limitation of Liability. In no event shall either party's aggregate liability exceed the fees paid in the twelve months preceding the claim.

        4. Governing Law. This Agreement is governed by the laws of the State of New York.
        """;

    public const string Nda = """
        MUTUAL NONDISCLOSURE AGREEMENT

        1. Confidential Information. Each party shall keep the other party's confidential information secret and use it only to evaluate the transaction.

        2. Term. The obligations survive for five years after disclosure.

        3. Remedies. Breach causes irreparable harm; the disclosing party may seek an injunction.
        """;
}
