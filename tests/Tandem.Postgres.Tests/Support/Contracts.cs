namespace Tandem.Postgres.Tests.Support;

/// <summary>Small contracts written for these tests.</summary>
public static class Contracts
{
    public const string Lease = """
        EQUIPMENT LEASE AGREEMENT

        This Equipment Lease (the "Lease") is made between Quarry Tools Ltd. ("Lessor") and Harbour Works Inc. ("Lessee").

        1. Equipment. The Lessor leases to the Lessee the excavators listed in Exhibit A.

        2. Rent. The Lessee shall pay monthly rent of 4,000 dollars in advance.

        3. Indemnification. The Lessee shall indemnify the Lessor against every claim arising from the operation of the excavators.

        4. Governing Law. This Lease is governed by the laws of the State of Oregon.
        """;

    public const string Services = """
        MASTER SERVICES AGREEMENT

        1. Services. The Provider shall perform the consulting services described in each statement of work.

        2. Fees. The Client shall pay the fees within thirty days of each invoice.

        3. Limitation of Liability. Neither party's liability shall exceed the fees paid in the twelve months before the claim.

        4. Termination. Either party may terminate this Agreement for convenience on sixty days' written notice.
        """;

    public const string Secret = """
        PROJECT HELIOTROPE MEMORANDUM

        1. Acquisition. The Buyer intends to acquire the zanzibarite mine for nine hundred million dollars.

        2. Confidentiality. Nobody outside the deal team may learn of the zanzibarite acquisition.
        """;
}
