using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Procurement;
using static CoproCommissioning.Domain.Tests.Procurement.ProcurementSetUp;

namespace CoproCommissioning.Domain.Tests.Procurement;

public sealed class PanelTests
{
    private static readonly Guid Bidder = Guid.CreateVersion7();
    private static readonly Guid OtherBidder = Guid.CreateVersion7();

    [Theory]
    [InlineData(CycleRole.PanelMember, EvaluatorRole.LivedExperience, true)]
    [InlineData(CycleRole.ClinicalAdviser, EvaluatorRole.ClinicalAdviser, true)]
    [InlineData(CycleRole.Commissioner, EvaluatorRole.Officer, true)]
    [InlineData(CycleRole.CoProductionChampion, EvaluatorRole.Officer, true)]
    [InlineData(CycleRole.Commissioner, EvaluatorRole.LivedExperience, false)]
    [InlineData(CycleRole.PanelMember, EvaluatorRole.Officer, false)]
    [InlineData(CycleRole.Observer, EvaluatorRole.Officer, false)]
    public void Each_evaluator_role_suits_its_members(CycleRole member, EvaluatorRole role, bool suits)
    {
        var cycle = Cycle();
        var outcome = Started(cycle).AddEvaluator(cycle, "someone", member, role, [], People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal(suits, outcome.Succeeded);
        Assert.Equal(suits ? [] : [ProcurementRules.EvaluatorRoleDoesNotMatch], outcome.BrokenRules);
    }

    [Fact]
    public void Providers_and_people_outside_the_cycle_never_evaluate_and_nobody_joins_twice()
    {
        var cycle = Cycle();
        var procurement = Started(cycle);
        Expect.Success(procurement.AddEvaluator(cycle, People.PanelMember(1), CycleRole.PanelMember, EvaluatorRole.LivedExperience, [],
            People.Commissioner, CycleRole.Commissioner, Now));

        var provider = procurement.AddEvaluator(cycle, People.Provider, CycleRole.Provider, EvaluatorRole.Officer, [], People.Commissioner, CycleRole.Commissioner, Now);
        var outsider = procurement.AddEvaluator(cycle, "outsider", null, EvaluatorRole.Officer, [], People.Commissioner, CycleRole.Commissioner, Now);
        var twice = procurement.AddEvaluator(cycle, People.PanelMember(1), CycleRole.PanelMember, EvaluatorRole.LivedExperience, [],
            People.Commissioner, CycleRole.Commissioner, Now);
        var unknownCriterion = procurement.AddEvaluator(cycle, People.PanelMember(2), CycleRole.PanelMember, EvaluatorRole.LivedExperience, [Guid.CreateVersion7()],
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([ProcurementRules.ProviderCannotEvaluate], provider.BrokenRules);
        Assert.Equal([ProcurementRules.EvaluatorNotMember], outsider.BrokenRules);
        Assert.Equal([ProcurementRules.EvaluatorAlreadyOnPanel], twice.BrokenRules);
        Assert.Equal([ProcurementRules.CriterionNotInProcurement], unknownCriterion.BrokenRules);
        Assert.Single(procurement.Evaluators);
    }

    [Fact]
    public void A_briefing_is_recorded_with_its_date_and_trainer()
    {
        var cycle = Cycle();
        var procurement = ReadyToOpen(cycle);
        var evaluator = procurement.Evaluators.Single(e => e.Role == EvaluatorRole.LivedExperience);

        var blank = procurement.RecordBriefing(cycle, evaluator.Id, null, "", People.Commissioner, CycleRole.Commissioner, Now);
        var future = procurement.RecordBriefing(cycle, evaluator.Id, new DateOnly(2026, 3, 10), "Sam", People.Commissioner, CycleRole.Commissioner, Now);
        Expect.Success(procurement.RecordBriefing(cycle, evaluator.Id, new DateOnly(2026, 2, 20), "Sam Okafor, procurement lead", People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal([ProcurementRules.BriefedOnRequired, ProcurementRules.BriefedByRequired], blank.BrokenRules);
        Assert.Equal([ProcurementRules.BriefedOnInFuture], future.BrokenRules);
        Assert.True(evaluator.IsBriefed);
        Assert.Equal((new DateOnly(2026, 2, 20), "Sam Okafor, procurement lead"), (evaluator.BriefedOn!.Value, evaluator.BriefedBy));
    }

    [Fact]
    public void Only_the_evaluator_declares_and_an_interest_needs_its_words_and_the_action_agreed()
    {
        var cycle = Cycle();
        var procurement = ReadyToOpen(cycle);
        var evaluator = procurement.Evaluators.Single(e => e.Role == EvaluatorRole.LivedExperience);

        var someoneElse = procurement.Declare(cycle, evaluator.Id, new DeclarationDraft(false, null, null), People.Commissioner, Now);
        var unanswered = procurement.Declare(cycle, evaluator.Id, new DeclarationDraft(null, null, null), evaluator.UserId, Now);
        var bare = procurement.Declare(cycle, evaluator.Id, new DeclarationDraft(true, " ", null), evaluator.UserId, Now);
        var noneNamed = procurement.Declare(cycle, evaluator.Id, new DeclarationDraft(true, "I volunteer there", ConflictAction.RestrictBids), evaluator.UserId, Now);

        Assert.Equal([ProcurementRules.OnlyTheEvaluatorDeclares], someoneElse.BrokenRules);
        Assert.Equal([ProcurementRules.HasInterestRequired], unanswered.BrokenRules);
        Assert.Equal([ProcurementRules.InterestRequired, ProcurementRules.ActionRequired], bare.BrokenRules);
        Assert.Equal([ProcurementRules.RestrictedOrganisationsRequired], noneNamed.BrokenRules);
        Assert.False(evaluator.HasDeclared);
    }

    [Fact]
    public void Nobody_reads_a_bid_before_the_deadline_or_without_an_accepted_declaration_or_from_a_provider_they_are_restricted_from()
    {
        var cycle = Cycle();
        var procurement = ReadyToOpen(cycle);
        var deadline = Now.AddDays(28);
        Expect.Success(procurement.OpenBidding(cycle, deadline, People.Commissioner, CycleRole.Commissioner, Now));
        var lived = procurement.Evaluators.Single(e => e.Role == EvaluatorRole.LivedExperience);
        var officer = procurement.Evaluators.Single(e => e.Role == EvaluatorRole.Officer);
        var after = deadline.AddMinutes(1);

        Expect.Success(procurement.Declare(cycle, lived.Id, new DeclarationDraft(true, "I volunteered for one bidder", ConflictAction.RestrictBids, [Bidder]),
            lived.UserId, Now));
        Assert.False(procurement.EvaluatorMayRead(lived.UserId, OtherBidder, after));
        Assert.Equal([ProcurementRules.NothingToAccept],
            procurement.AcceptDeclaration(cycle, officer.Id, People.Commissioner, CycleRole.Commissioner, Now).BrokenRules);
        Expect.Success(procurement.AcceptDeclaration(cycle, lived.Id, People.Commissioner, CycleRole.Commissioner, Now));

        Assert.False(procurement.EvaluatorMayRead(lived.UserId, OtherBidder, deadline.AddMinutes(-1)));
        Assert.True(procurement.EvaluatorMayRead(lived.UserId, OtherBidder, after));
        Assert.False(procurement.EvaluatorMayRead(lived.UserId, Bidder, after));
        Assert.False(procurement.EvaluatorMayRead(officer.UserId, OtherBidder, after));
        Assert.False(procurement.EvaluatorMayRead(People.Commissioner, OtherBidder, after));
    }

    [Fact]
    public void A_new_declaration_needs_accepting_again_and_stepping_down_ends_reading()
    {
        var cycle = Cycle();
        var procurement = ReadyToOpen(cycle);
        Expect.Success(procurement.OpenBidding(cycle, Now.AddDays(1), People.Commissioner, CycleRole.Commissioner, Now));
        var officer = procurement.Evaluators.Single(e => e.Role == EvaluatorRole.Officer);
        Expect.Success(procurement.Declare(cycle, officer.Id, new DeclarationDraft(false, null, null), officer.UserId, Now));
        Expect.Success(procurement.AcceptDeclaration(cycle, officer.Id, People.Commissioner, CycleRole.Commissioner, Now));
        Assert.True(procurement.EvaluatorMayRead(officer.UserId, Bidder, Now.AddDays(2)));

        Expect.Success(procurement.Declare(cycle, officer.Id, new DeclarationDraft(true, "My partner now works for a bidder", ConflictAction.StepDown),
            officer.UserId, Now.AddHours(1)));
        Assert.False(officer.IsDeclarationAccepted);
        Expect.Success(procurement.AcceptDeclaration(cycle, officer.Id, People.Commissioner, CycleRole.Commissioner, Now.AddHours(2)));

        Assert.True(officer.HasSteppedDown);
        Assert.False(procurement.EvaluatorMayRead(officer.UserId, Bidder, Now.AddDays(2)));
    }
}
