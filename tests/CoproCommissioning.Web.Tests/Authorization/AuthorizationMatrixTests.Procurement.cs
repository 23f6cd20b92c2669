using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Authorization;

/// <summary>
/// The procurement pages in the matrix: a second cycle of the same members at its procurement stage, whose panel and
/// bids give the real children (an evaluator, a criterion, a submitted bid) that a member of both cycles puts under the
/// first cycle's address.
/// </summary>
public static class ProcurementMatrix
{
    /// <summary>
    /// Pages for some members of a role only, which answer 404 to the rest as if the page were not there: the
    /// declaration of interests is the signed-in evaluator's own, and a member who is not on the panel has none.
    /// </summary>
    public static readonly IReadOnlySet<string> ForSomeMembersOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "cycles/{cycleId:guid}/procurement/declaration",
    };

    public static async Task PlantAsync(DatabaseFixture fixture)
    {
        await using var scope = fixture.Db();
        var db = scope.Context;
        var cycle = ACycle.AtStage(StageKind.Procurement).Build();
        db.Cycles.Add(cycle);
        string? panelMember = null;
        string? provider = null;
        Guid? providerOrganisation = null;
        foreach (var (email, role) in AuthorizationMatrixTests.MemberAccounts)
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            panelMember = role == CycleRole.PanelMember ? user.Id : panelMember;
            (provider, providerOrganisation) = role == CycleRole.Provider ? (user.Id, user.OrganisationId) : (provider, providerOrganisation);
            db.Memberships.Add(Expect.Success(CycleMembership.Create(cycle.Id, user.Id, role,
                role == CycleRole.PanelMember ? Voice.LivedExperience : null, role == CycleRole.Provider ? user.OrganisationId : null, null, Moments.Now)));
        }

        var choice = new RouteChoice(ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.CompetitiveProcess,
            new RouteQuestions(ExistingProvider: false, null, UnrestrictedChoice: false, null), "Several providers could run it.");
        var procurement = Expect.Success(CycleProcurement.Start(cycle, choice, People.Commissioner, CycleRole.Commissioner, Moments.Now));
        var criterion = Expect.Success(procurement.AddCriterion(cycle,
            new CriterionDraft("Co-production", "How the provider will keep co-producing.", CriterionKind.Scored, 100, IsCoProduction: true),
            CriterionCitations.None, People.Commissioner, CycleRole.Commissioner, Moments.Now));
        Expect.Success(procurement.AddEvaluator(cycle, panelMember!, CycleRole.PanelMember, EvaluatorRole.LivedExperience, [criterion.Id],
            People.Commissioner, CycleRole.Commissioner, Moments.Now));
        Expect.Success(procurement.OpenBidding(cycle, Moments.Now.AddHours(1), People.Commissioner, CycleRole.Commissioner, Moments.Now));
        var bid = Expect.Success(Bid.Start(cycle, procurement, providerOrganisation, false, provider!, CycleRole.Provider, Moments.Now));
        Expect.Success(bid.Save(cycle, procurement, new BidDraft(null, new Dictionary<Guid, string?> { [criterion.Id] = "We will keep a paid peer forum." }, null),
            provider!, CycleRole.Provider, providerOrganisation, Moments.Now));
        Expect.Success(bid.Submit(cycle, procurement, provider!, CycleRole.Provider, providerOrganisation, Moments.Now));
        db.Procurements.Add(procurement);
        db.Bids.Add(bid);
        await db.SaveChangesAsync();
    }
}
