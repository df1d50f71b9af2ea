using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>Whose a defined thing is, and whom a mutual duty triggered by it really binds.</summary>
public sealed class ThingOwnersTests
{
    private static readonly ContractParty[] Parties = [new("Brindle Ovens Ltd", "Maker"), new("Quayside Cafés plc", "Purchaser")];

    private static readonly (string, string)[] Contract =
    [
        ("1.1 ¶1", "\"Goods\" means the chilled pastries listed in Schedule 1."),
        ("1.1 ¶2", "\"Withdrawal\" means any recall of Goods from the Purchaser's outlets."),
        ("1.1 ¶3", "\"Artwork\" means the labels and designs the Purchaser provides for the Goods."),
        ("1.1 ¶4", "\"Harm\" means all losses, costs and expenses."),
        ("2.1", "2.1 The Maker shall manufacture the Goods in accordance with the agreed recipes."),
        ("2.2", "2.2 The Purchaser shall pay for all Goods delivered in accordance with an order."),
    ];

    private static ReviewLens Lens(string side, params (string, string)[] extra)
    {
        var clauses = StoredClauses.Of([.. Contract, .. extra]);
        return ReviewLens.For(ReviewSide.Resolve(Parties, side), clauses);
    }

    [Fact]
    public void Of_ReadsWhoMakesAndWhoProvides()
    {
        var lens = Lens("maker");
        Assert.Equal((true, false), lens.Owners.Of("Goods"));
        Assert.Equal((false, true), lens.Owners.Of("Artwork"));
        Assert.Equal((false, false), lens.Owners.Of("Harm"));
    }

    [Fact]
    public void Of_PassiveAndPossessiveForms()
    {
        var lens = Lens("purchaser",
            ("3.1", "3.1 Any Tooling supplied by the Purchaser remains at its risk."),
            ("3.2", "3.2 The Maker shall store the Purchaser's Moulds free of charge."));
        Assert.Equal((true, false), lens.Owners.Of("Tooling"));
        Assert.Equal((true, false), lens.Owners.Of("Moulds"));
    }

    [Fact]
    public void Of_AVerbPairedWithTheOtherSidesVerb_MakesTheThingItsOwn()
    {
        var lens = Lens("maker", ("3.1", "3.1 The Purchaser shall provide, and the Maker shall use, the Artwork Files for each label."),
            ("1.1 ¶7", "\"Artwork Files\" means the label files for the Goods."));
        Assert.Equal((false, true), lens.Owners.Of("Artwork Files"));
    }

    [Fact]
    public void Of_ADefinitionOfThingsOfAParty_MakesThemItsOwn()
    {
        var lens = Lens("maker",
            ("1.1 ¶7", "\"Outlet Systems\" means the tills, networks and devices of the Purchaser that are connected to the ordering portal."),
            ("1.1 ¶8", "\"Reports\" means the sales reports prepared for the benefit of the Purchaser."));
        Assert.Equal((false, true), lens.Owners.Of("Outlet Systems"));
        Assert.Equal((false, false), lens.Owners.Of("Reports"));
    }

    [Fact]
    public void Of_ALicenceGranted_MakesTheLicensedThingTheGrantors()
    {
        var lens = Lens("maker",
            ("1.1 ¶7", "\"Recipes\" means the Maker's written recipes."),
            ("3.1", "3.1 The Maker grants to the Purchaser a non-exclusive licence for the Term for its outlets to use the Recipes."),
            ("3.2", "3.2 The Purchaser grants the Maker a licence to print the Purchaser's logo on the packaging for the Goods."));
        Assert.Equal((true, false), lens.Owners.Of("Recipes"));
        Assert.Equal((true, false), lens.Owners.Of("Goods")); // a licence for the packaging of the Goods does not make them the Purchaser's
    }

    [Fact]
    public void Of_BothSidesSupplyIt_BothCount() =>
        Assert.Equal((true, true), Lens("maker", ("3.1", "3.1 The Purchaser shall provide Goods samples to the Maker for testing.")).Owners.Of("Goods"));

    [Theory]
    [InlineData("maker", Favours.Them)]
    [InlineData("purchaser", Favours.Us)]
    public void Trigger_AMutualIndemnityForThingsOnlyOneSideSupplies_BindsThatSide(string side, Favours expected) =>
        Assert.Equal(expected, Lens(side).Owners.Trigger(
            "Each party (the \"Indemnifying Party\") shall indemnify the other against all Harm arising from any Goods being unsafe or not in accordance with its recipe, and from any Withdrawal, save to the extent caused by the other party."));

    [Theory]
    [InlineData("Each party shall indemnify the other against all Harm arising from its breach of this Agreement in relation to the Goods.")]
    [InlineData("Each party shall indemnify the other against all Harm caused by the Indemnifying Party's negligence in handling the Goods.")]
    [InlineData("Each party shall indemnify the other against all Harm arising from any Goods or any Artwork.")]
    [InlineData("Each party shall indemnify the other against all Harm arising from the presence of the Goods on any premises under the control of the indemnifying party.")]
    [InlineData("Each party shall indemnify the other against all Harm arising from any breach of this Agreement.")]
    public void Trigger_OwnConductOrThingsOfBothSides_StaysMutual(string sentence) =>
        Assert.Equal(Favours.Both, Lens("maker").Owners.Trigger(sentence));

    [Theory]
    [InlineData("maker", Favours.Them)] // the maker receives the site data, so the duty is the maker's
    [InlineData("purchaser", Favours.Us)]
    public void Trigger_TheRecipientOfAThingOnlyOneSideProvides_IsTheOtherSide(string side, Favours expected) =>
        Assert.Equal(expected, Lens(side,
            ("1.1 ¶5", "\"Site Data\" means the surveys, drawings and access codes for each outlet that the Lead Buyer makes available to the other party."),
            ("1.1 ¶6", "\"Lead Buyer\" means Quayside Cafés plc."))
            .Owners.Trigger("The Recipient of any Site Data shall indemnify the other party against all Harm arising from its disclosure."));

    [Fact]
    public void Stance_AMutualIndemnityOnlyTheMakerCanTrigger_BurdensTheMaker()
    {
        const string Clause = "14.1 Each party shall indemnify the other against all Harm arising from any Goods being unsafe. This indemnity survives termination.";
        var (favours, beneficiary) = Lens("maker").Stance(Clause);
        Assert.Equal(Favours.Them, favours);
        Assert.Equal("Purchaser (only Maker can set the indemnity off)", beneficiary);
        Assert.Equal(Favours.Us, Lens("purchaser").Stance(Clause).Favours);
        Assert.Equal(Favours.Both, Lens("maker").Stance("14.2 Each party shall indemnify the other against all Harm arising from any breach of this Agreement.").Favours);
    }

    [Theory]
    [InlineData("The Maker shall indemnify the Purchaser against all Harm arising from any Artwork or any Goods.", Favours.Them)]
    [InlineData("Subject to clause 9, the Purchaser shall indemnify the Maker against all Harm arising from any Goods.", Favours.Us)]
    public void Trigger_ANamedSubject_SaysWhoseDutyItIs(string sentence, Favours expected) =>
        Assert.Equal(expected, Lens("maker").Owners.Trigger(sentence));

    [Theory]
    [InlineData("maker", Favours.Them)]
    [InlineData("purchaser", Favours.Us)]
    public void Trigger_AFailureToDoWhatANumberedClauseMakesOneSideDo_BindsThatSide(string side, Favours expected) =>
        Assert.Equal(expected, Lens(side, ("4.2", "4.2 The Maker shall provide chilled transport and a named driver for each delivery."))
            .Owners.Trigger("Each party shall indemnify the other against all Harm arising from any failure to provide chilled transport or a driver in accordance with clause 4.2, including spoiled stock."));

    [Theory]
    [InlineData("maker", Favours.Them)]
    [InlineData("purchaser", Favours.Us)]
    public void Trigger_MattersAPartyIsResponsibleFor_ReadFromTheListedExamples(string side, Favours expected) =>
        Assert.Equal(expected, Lens(side).Owners.Trigger(
            "Each party shall indemnify the other against all Harm arising from any Withdrawal, to the extent arising from matters for which that party is responsible under this Agreement, including the baking, packing and labelling of the Goods."));

    [Fact]
    public void Trigger_MattersAPartyIsResponsibleFor_WithoutExamples_StaysMutual() =>
        Assert.Equal(Favours.Both, Lens("maker").Owners.Trigger(
            "Each party shall indemnify the other against all Harm arising from any Withdrawal, to the extent arising from matters for which that party is responsible under this Agreement."));

    [Fact]
    public void Trigger_ABreachOfClausesNamedWithTheirHeadings_ReadsEachClause()
    {
        var lens = Lens("maker",
            ("8.1", "8.1 The Purchaser Recipes shall belong to the Purchaser. The Maker shall use the Purchaser Recipes only to make the Goods."),
            ("9.1", "9.1 The Maker shall keep its bakery at hygiene rating 5."),
            ("1.1 ¶9", "\"Purchaser Recipes\" means the recipes the Purchaser provides."));

        // Clause 8's first sentence says whose the recipes are and binds no one; the name inside "Purchaser Recipes" is no subject.
        Assert.Equal(Favours.Them, lens.Owners.Trigger("Each party shall indemnify the other against all Harm arising out of any breach by it of clause 8 (Recipes) or clause 9 (Hygiene)."));
        Assert.Equal(Favours.Them, lens.Owners.DutiesOf("8"));
    }

    [Fact]
    public void Trigger_NoSide_StaysMutual()
    {
        var lens = ReviewLens.For(null, StoredClauses.Of(Contract));
        Assert.Equal(Favours.Both, lens.Owners.Trigger("Each party shall indemnify the other against all Harm arising from any Goods."));
    }

    [Fact]
    public void Kept_ANonRefundableSumFavoursWhomTheContractSaysIsPaidIt()
    {
        (string, string)[] paid =
        [
            ("1.1 ¶7", "\"Development Payment\" means each payment set out against a stage in Schedule 3."),
            ("6.1", "6.1 The Purchaser shall pay each Development Payment within 30 days after the stage is accepted."),
        ];
        const string clause = "6.2 Development Payments, once paid, are not refundable in any circumstances, including where this Agreement ends early.";
        Assert.Equal(Favours.Us, Lens("maker", paid).Owners.Kept(clause));
        Assert.Equal(Favours.Them, Lens("purchaser", paid).Owners.Kept(clause));
        Assert.Equal(Favours.Us, Lens("maker", paid).Stance(clause).Favours);
        Assert.Equal(Favours.Us, Lens("maker", paid).Owners.Kept("6.2 All Development Payments shall be non-refundable."));
    }

    [Fact]
    public void Kept_NoNamedSumOrNoOneNamedAsPaying_Unclear()
    {
        Assert.Equal(Favours.Unclear, Lens("maker").Owners.Kept("6.2 Sums paid are not refundable."));
        Assert.Equal(Favours.Unclear, Lens("maker").Owners.Kept("6.2 The Signing Bonus is not refundable."));
        // Both sides pay one: who keeps it depends on the payment.
        Assert.Equal(Favours.Unclear, Lens("maker", ("6.1", "6.1 The Purchaser shall pay the Service Charges monthly."), ("6.3", "6.3 The Maker shall pay the Service Charges for its own site."))
            .Owners.Kept("6.2 Service Charges are non-refundable."));
    }
}
