using Tandem.Analysis;

namespace Tandem.Tests.Analysis;

/// <summary>Whose right, whose duty: clauses in the common drafting forms, read for the Customer of a SaaS agreement.</summary>
public sealed class ClauseBeneficiariesTests
{
    private static readonly ContractParty[] Parties = [new("Lumenfield Software, Inc.", "Provider"), new("Carrow & Beck Outfitters, LLC", "Customer")];
    private readonly ClauseBeneficiaries _reader = new(Parties);

    [Theory]
    [InlineData("Provider may terminate this Agreement for convenience on sixty (60) days' written notice to Customer.", Favours.Them)]
    [InlineData("Nothing in this Agreement restricts the Provider or its Representatives from using, for any purpose, any information retained in the unaided memory of its people, and neither the Provider nor its Representatives shall have any obligation to the Customer for any such use.", Favours.Them)]
    [InlineData("Nothing in this Agreement prevents the Customer from developing its own software.", Favours.Us)]
    [InlineData("Termination sums are payable in addition to damages, and the Provider shall not be obliged to give credit for any proceeds of re-letting.", Favours.Them)]
    [InlineData("Customer commits to occupy, and shall pay storage charges for, not less than 4,000 Pallet Positions. If Customer occupies fewer, Provider shall invoice the shortfall at the full monthly storage rate.", Favours.Them)]
    [InlineData("12.2 The Provider's total liability to the Customer, including under clause 11.1 and for any failure of the Products, is limited to the amounts paid in the three (3) months before the claim.", Favours.Them)]
    [InlineData("Provider may assign this Agreement to any Affiliate on notice to the Customer.", Favours.Them)]
    [InlineData("During the term, neither Customer nor any Owner shall own or operate a Competitive Business.", Favours.Them)]
    [InlineData("Provider may terminate this Agreement at any time on fifteen days' notice. Customer may terminate this Agreement only at the end of a term in accordance with Section 12.1.", Favours.Them)]
    [InlineData("On termination Customer shall be entitled to commission only on orders accepted and paid in full before the date of termination.", Favours.Them)]
    [InlineData("Each member of the Provider's Group and each of the Provider's directors, officers and advisers may enforce Sections 6 to 9 against the Customer.", Favours.Them)]
    [InlineData("Provider may assign this Agreement on written notice in writing to Customer.", Favours.Them)]
    [InlineData("Customer's obligations under Section 9.1 are not subject to any limit in amount.", Favours.Them)]
    [InlineData("Provider may terminate this Agreement for any reason on 15 days' notice. Customer may terminate this Agreement only under clause 13.3.", Favours.Them)]
    [InlineData("Customer may only terminate this Agreement for material breach.", Favours.Them)]
    [InlineData("Provider's indemnity obligations shall not be limited by any cap.", Favours.Us)]
    [InlineData("Customer may terminate this Agreement for convenience at any time on thirty (30) days' notice.", Favours.Us)]
    [InlineData("Either party may terminate this Agreement for convenience on ninety (90) days' notice.", Favours.Both)]
    [InlineData("Provider may increase the Fees at any time in its sole discretion on thirty (30) days' notice.", Favours.Them)]
    [InlineData("Fees may be increased at Provider's sole discretion.", Favours.Them)]
    [InlineData("Provider's aggregate liability under this Agreement shall not exceed the fees paid in the three (3) months preceding the claim.", Favours.Them)]
    [InlineData("In no event shall Provider be liable for any loss of data or security incident.", Favours.Them)]
    [InlineData("Provider shall not be liable for indirect damages.", Favours.Them)]
    [InlineData("Customer's liability under this Agreement shall not be limited in amount.", Favours.Them)]
    [InlineData("Customer hereby assigns to Provider all right, title and interest in the Derived Works.", Favours.Them)]
    [InlineData("Customer shall not, during the term, engage any other provider of similar services.", Favours.Them)]
    [InlineData("Provider shall indemnify, defend and hold harmless Customer from any third-party claim.", Favours.Us)]
    [InlineData("Provider shall maintain commercial general liability insurance of at least $2,000,000.", Favours.Us)]
    [InlineData("Neither party shall assign this Agreement without the other party's prior written consent.", Favours.Both)]
    [InlineData("For the Term the Customer shall obtain its entire requirements of the Products solely from the Provider, and the Customer shall not purchase any such product from any third party.", Favours.Them)]
    [InlineData("The Provider shall have no liability, however arising and whether in contract, tort or otherwise, for any loss or corruption of Customer Data.", Favours.Them)]
    [InlineData("Notwithstanding clause 2.1, the Provider reserves the right, without any obligation to pay commission or other compensation to the Customer, to sell the Products in the Territory.", Favours.Them)]
    [InlineData("If the Customer is in breach of clause 7.1, it shall pay the Provider the sum of $350,000 within ten Business Days of demand.", Favours.Them)]
    [InlineData("Lumenfield Software may audit Customer's use of the Service twice a year.", Favours.Them)]
    [InlineData("The Provider, its auditors and any Card Network may, at any time on two days' notice, inspect the Customer's premises.", Favours.Them)]
    [InlineData("Customer and any Authorised User may access the Service from any location.", Favours.Us)]
    [InlineData("If at any time during the term the Provider proposes to appoint another reseller, it shall first offer the appointment to the Customer.", Favours.Us)]
    [InlineData("The Provider and any person it authorises, including its auditors and insurers, may at any time enter the Customer's premises.", Favours.Them)]
    [InlineData("All designs and developments that Provider conceives in connection with the Tender, including any derived from the Customer's information, belong exclusively to Provider.", Favours.Them)]
    [InlineData("Provider, its customers and any person nominated by either of them may at any time audit the records of Customer.", Favours.Them)]
    [InlineData("Customer, on behalf of itself, its Affiliates and any successor in title, irrevocably and unconditionally covenants that it will not sue Provider.", Favours.Them)]
    [InlineData("Customer, for itself and its Affiliates, undertakes that it will not commence any action against Provider.", Favours.Them)]
    [InlineData("Provider or its nominated independent inspector may enter and inspect the Customer's premises.", Favours.Them)]
    [InlineData("The Service will be available 99.9% of the time.", Favours.Unclear)]
    [InlineData("Customer hereby irrevocably assigns to Provider all right, title and interest in the Aggregated Data.", Favours.Them)]
    [InlineData("The exclusions and limitations in this Section 12 shall not apply to Customer.", Favours.Them)]
    [InlineData("The limitations of liability apply only to Provider.", Favours.Them)]
    [InlineData("Subject to payment, Provider grants to Customer a non-exclusive licence; Customer shall not sublicense it.", Favours.Us)]
    [InlineData("Provider or its designated representatives may, on two days' notice, enter Customer's premises.", Favours.Them)]
    [InlineData("Following release, the Provider and any contractor acting for it may use, copy and modify the Source Code, and that right is perpetual.", Favours.Them)]
    [InlineData("Provider and its Affiliates own all right, title and interest in the Service.", Favours.Them)]
    [InlineData("Customer's sole means of verifying compliance is the summary report; Customer shall have no right to inspect.", Favours.Them)]
    [InlineData("Customer grants Provider a perpetual, irrevocable licence to use Customer Data for any purpose.", Favours.Them)]
    [InlineData("The service credits are Customer's sole and exclusive remedy for any failure of the Service.", Favours.Them)]
    [InlineData("On any termination all licenses granted to Customer end, Customer shall stop using the Service and shall destroy all copies.", Favours.Them)]
    [InlineData("On termination the rights granted to Customer shall immediately terminate.", Favours.Them)]
    [InlineData("Before offering any new module to a third party, Customer shall first offer it to Provider. Provider shall have forty-five (45) days to accept the offer, and if it declines, Customer may grant the rights to a third party only on terms no more favourable than those offered to Provider.", Favours.Them)]
    [InlineData("Customer appoints Provider as its exclusive supplier of the Services in the Territory, and Provider accepts the appointment.", Favours.Them)]
    [InlineData("All improvements to the Evaluation Materials made by or for Provider in the course of the evaluation, shall be owned exclusively by Provider, even if based on Customer's Confidential Information.", Favours.Them)]
    [InlineData("Notwithstanding Section 6.1, Provider and its Representatives shall be free to use for any purpose the Residuals.", Favours.Them)]
    [InlineData("Before Customer enters into any agreement with a third party for similar services, it shall first offer those services to Provider.", Favours.Them)]
    [InlineData("As between the parties, the Provider owns all Intellectual Property Rights in the Service and the Documentation.", Favours.Them)]
    [InlineData("As between the Provider and the Customer, the Customer owns all Customer Data.", Favours.Us)]
    [InlineData("As between the parties, the Provider owns all rights in the Software. Except for the licence in clause 2.1, nothing in this Agreement grants the Customer any rights in it.", Favours.Them)]
    [InlineData("Customer undertakes, for itself and its successors and assigns, that it shall not at any time bring any claim against Provider or its customers alleging infringement of any patent owned by Customer.", Favours.Them)]
    [InlineData("This Agreement shall continue in force until terminated by the Provider giving the Customer not less than three months' written notice.", Favours.Them)]
    [InlineData("The Customer shall indemnify the Provider against all claims arising out of the employment of any person whose employment transfers, or is alleged to transfer, to the Customer under TUPE.", Favours.Them)]
    [InlineData("The Provider shall indemnify the Customer against all claims from any employee whose employment transfers to the Provider.", Favours.Us)]
    [InlineData("The Subscription Fees shall remain fixed. Any proposed revision to the Subscription Fees shall take effect only if the Customer agrees to it in writing.", Favours.Us)]
    [InlineData("If the Customer agrees to pay the Charges in advance, it shall receive a discount.", Favours.Them)]
    public void Read_CommonForms_FavoursTheRightSide(string clause, Favours expected)
    {
        Assert.Equal(expected, _reader.Read(clause).For("Customer"));
    }

    [Fact]
    public void Read_AgreeingTermsWithOthersInACondition_IsNoVetoForTheSubject()
    {
        // "only if the Customer agrees to it" is the Customer's veto; "if the Provider agrees more favourable fees with
        // any other customer" is an event that binds the Provider, not a right it holds.
        Assert.NotEqual(Favours.Them, _reader.Read("If the Provider agrees more favourable fees with any other customer, it shall notify the Customer and the Fees shall be reduced accordingly.").For("Customer"));
        Assert.Equal(Favours.Us, _reader.Read("Any revision to the Fees shall take effect only if the Customer agrees to it in writing.").For("Customer"));
    }

    [Theory]
    [InlineData("The total aggregate liability of the Licensor and the Patent Owner, taken together, arising out of or in connection with this Agreement, whether in contract, tort (including negligence) or otherwise, shall not exceed the royalties received in the six (6) months before the claim.")]
    [InlineData("Neither the Licensor nor the Patent Owner shall be liable for any indirect loss.")]
    [InlineData("No limitation applies to the liability of the Licensee under this Agreement.")]
    [InlineData("If the Licensee, or any shareholder in the Licensee, proposes to sell its business, it shall first offer the business to the Licensor.")]
    [InlineData("The Licensee undertakes that, during the Restricted Period, neither it nor its Affiliates shall acquire any shares in the Patent Owner.")]
    [InlineData("The Licensor and the Patent Owner may at any time, on two days' notice, enter the Licensee's premises.")]
    [InlineData("The Licensor, the Patent Owner and their auditors may inspect the Licensee's records as often as they see fit.")]
    [InlineData("The Licensor, its Affiliates and their designees may enter the Licensee's premises and audit its records at any time.")]
    [InlineData("The Licensor, and any auditor or other person it appoints, may inspect the Licensee's records.")]
    [InlineData("Each Affiliate of the Licensor, and each director and employee of the Licensor and its Affiliates, may enforce clauses 7, 8 and 9 against the Licensee.")]
    [InlineData("The Licensee covenants that neither it nor its Affiliates will sue the Licensor over any patent that the Licensee owns or controls.")]
    [InlineData("Each of the Licensor's Affiliates, and each of their directors, officers and employees, may enforce this Agreement.")]
    public void Read_ThreeParties_JoinedSubjectsAndPronouns_FavourTheOthers(string clause)
    {
        var reader = new ClauseBeneficiaries([new("Verdell Biomaterials GmbH", "Licensor"), new("Verdell Holding AG", "Patent Owner"), new("Copperline Devices Inc.", "Licensee")]);

        Assert.Equal(Favours.Them, reader.Read(clause).For("Licensee"));
    }

    [Fact]
    public void Read_OwnPeopleAfterAnyOfIts_DoesNotThrow()
    {
        // This shape sent the generated matcher of the party's-own-people pattern into a backtracking stack past its
        // maximum size (ArgumentOutOfRangeException, exit 70 on a blind contract) while its word loop was lazy.
        var beneficiaries = new ClauseBeneficiaries([new ContractParty("Alder Labs Ltd", "Laboratory"), new ContractParty("Birch Pharma Inc.", "Sponsor")]);
        const string clause = "5.4 Release. Sponsor agrees that it will not sue, and will procure that its affiliates do not sue, for any claim or demand the Laboratory or any of its past or present officers any claim relating to or arising in Sponsor in respect of the results of the Study, its methods or its data sets, whether known or unknown.";

        var stance = beneficiaries.Read(clause);

        Assert.Contains("Sponsor", stance.Burdens);
    }

    [Fact]
    public void Read_NeitherNor_ReadsTheNegation()
    {
        var stance = _reader.Read("Neither Provider nor Customer shall be liable for indirect loss.");

        Assert.Equal(Favours.Both, stance.For("Customer"));
        Assert.Contains("Provider", stance.Benefits);
        Assert.Contains("Customer", stance.Benefits);
    }

    [Fact]
    public void Read_ForTheOtherSide_Mirrors()
    {
        var stance = _reader.Read("Provider may terminate this Agreement for convenience on sixty (60) days' notice.");

        Assert.Equal(Favours.Us, stance.For("Provider"));
        Assert.Equal("Provider", stance.Describe());
    }

    [Fact]
    public void Read_NoParties_MutualFormsStillRead()
    {
        var stance = new ClauseBeneficiaries([]).Read("Each party shall keep the other party's Confidential Information secret.");

        Assert.Equal(Favours.Both, stance.For("Customer"));
        Assert.Equal("both parties", stance.Describe());
    }

    [Fact]
    public void Read_GeneratedClauses_NeverThrows()
    {
        // Every pattern of the reader meets clauses built from the drafting pieces it reads (subjects, their people, joined
        // parties, modals, lists, brackets), in long and odd combinations: a regex engine failure on one clause (as the
        // backtracking-stack crash of a lazy word loop once was) must not stop a review. Fixed seed, bounded count.
        string[] subjects = ["Provider", "the Customer", "Lumenfield Software", "Either party", "Neither Provider nor Customer", "Provider's Affiliates", "The Provider, its auditors and any Card Scheme", "Customer and any person it authorises", "Provider, on behalf of itself, its Affiliates and any successor in title,"];
        string[] people = [" or any of its officers", ", its Affiliates and their designees", " and its group companies", " or any of its past or present directors, officers, employees", " (together with its Affiliates)", ", including its auditors, insurers and commissioners,"];
        string[] verbs = [" may", " shall", " shall not", " will", " must", " is entitled to", " hereby assigns to the Customer", " irrevocably and unconditionally covenants that it will not", " agrees that it will not sue, and will procure that its affiliates do not sue,", " undergoes", " belongs exclusively to"];
        string[] rests = [" terminate this Agreement for convenience", " audit the records at any time", " indemnify the Provider against all losses whether or not caused by the Customer", " use for any purpose any information retained in the unaided memory", " offer the appointment to the Customer", ":\n(a) acquire any interest in;\n(b) lend to", " in its sole discretion", " for any claim or demand the Customer or any of its past or present officers any claim relating to"];
        var random = new Random(20261130);
        for (var i = 0; i < 2000; i++)
        {
            var clause = new System.Text.StringBuilder();
            var parts = random.Next(1, 6);
            for (var p = 0; p < parts; p++)
            {
                clause.Append(random.Next(4) == 0 ? "If at any time during the term " : string.Empty)
                    .Append(subjects[random.Next(subjects.Length)]);
                for (var k = random.Next(0, 4); k > 0; k--)
                {
                    clause.Append(people[random.Next(people.Length)]);
                }

                clause.Append(verbs[random.Next(verbs.Length)]).Append(rests[random.Next(rests.Length)])
                    .Append(random.Next(3) == 0 ? string.Concat(Enumerable.Repeat(" any of its officers", random.Next(1, 60))) : string.Empty)
                    .Append(random.Next(2) == 0 ? ", " : ". ");
            }

            var stance = _reader.Read(clause.ToString());

            Assert.NotNull(stance);
        }
    }
}
