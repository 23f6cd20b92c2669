using CoproCommissioning.Data;
using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.NeedsAssessment;
using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Infrastructure.Pages;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Data;

/// <summary>
/// R8: a save into a stage's own content and the stage's sign-off, on two real connections released together from a
/// barrier: exactly one wins, and a signed-off stage never gains content after its sign-off.
/// </summary>
public sealed class StageContentRaceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public enum Content { Evidence, Need, InequalityGroup, Session, Proposal, SpecificationVersion, GlossaryTerm }

    public static TheoryData<Content> EveryKindOfContent => [.. Enum.GetValues<Content>()];

    [Theory]
    [MemberData(nameof(EveryKindOfContent))]
    public async Task Of_a_sign_off_and_a_save_into_the_stage_at_the_same_moment_exactly_one_wins(Content content)
    {
        var kind = StageFor(content);
        var cycleId = await ReadyToSignOffAsync(kind);
        Guid? organisationId = content == Content.Proposal ? await OrganisationAsync() : null;

        await using var signer = fixture.Db();
        await using var editor = fixture.Db();
        var toSignOff = await signer.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
        var toEdit = await editor.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId, _ct);
        Assert.False(toEdit.StageOf(kind).IsSignedOff);
        Expect.Success(toSignOff.SignOff(kind, People.Commissioner, CycleRole.Commissioner, "Agreed with the panel", Moments.Now, stageConditions: []));
        var contentId = AddContent(content, toEdit, editor.Context, organisationId);
        await signer.Context.Database.OpenConnectionAsync(_ct);
        await editor.Context.Database.OpenConnectionAsync(_ct);

        using var barrier = new Barrier(2);
        var signingOff = Task.Run(async () =>
        {
            barrier.SignalAndWait(_ct);
            try
            {
                await signer.Context.SaveChangesAsync(_ct);
                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                return false;
            }
        }, _ct);
        var saving = Task.Run(async () =>
        {
            barrier.SignalAndWait(_ct);
            return await editor.Context.SaveStageContentAsync(toEdit, kind, Moments.Now, _ct);
        }, _ct);
        var signedOff = await signingOff;
        var saved = await saving;

        Assert.True(signedOff != saved.Succeeded, $"signed off: {signedOff}, content: {saved.Status}");
        if (signedOff)
        {
            Assert.Equal(CycleRules.StageSignedOffWhileEditing, saved.Refusal?.Rule);
        }

        await using var check = fixture.Db();
        var stored = await check.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId, _ct);
        Assert.Equal(signedOff, stored.StageOf(kind).IsSignedOff);
        Assert.Equal(!signedOff, await ContentExistsAsync(content, check.Context, contentId));
    }

    [Fact]
    public async Task Content_saved_first_makes_the_sign_off_that_had_not_seen_it_fail()
    {
        var cycleId = await ReadyToSignOffAsync(StageKind.NeedsAssessment);
        await using var signer = fixture.Db();
        await using var editor = fixture.Db();
        var toSignOff = await signer.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
        var toEdit = await editor.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId, _ct);

        AddContent(Content.Evidence, toEdit, editor.Context, null);
        Assert.True((await editor.Context.SaveStageContentAsync(toEdit, StageKind.NeedsAssessment, Moments.Now, _ct)).Succeeded);
        Expect.Success(toSignOff.SignOff(StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, "Agreed", Moments.Now));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => signer.Context.SaveChangesAsync(_ct));
    }

    [Fact]
    public async Task A_sign_off_saved_first_refuses_content_loaded_while_the_stage_was_open()
    {
        var cycleId = await ReadyToSignOffAsync(StageKind.NeedsAssessment);
        await using var signer = fixture.Db();
        await using var editor = fixture.Db();
        var toSignOff = await signer.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
        var toEdit = await editor.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId, _ct);

        Expect.Success(toSignOff.SignOff(StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, "Agreed", Moments.Now));
        await signer.Context.SaveChangesAsync(_ct);
        var evidenceId = AddContent(Content.Evidence, toEdit, editor.Context, null);

        Assert.Equal(CycleRules.StageSignedOffWhileEditing, (await editor.Context.SaveStageContentAsync(toEdit, StageKind.NeedsAssessment, Moments.Now, _ct)).Refusal?.Rule);
        await using var check = fixture.Db();
        Assert.False(await ContentExistsAsync(Content.Evidence, check.Context, evidenceId));
    }

    private static StageKind StageFor(Content content) => content switch
    {
        Content.Evidence or Content.Need or Content.InequalityGroup => StageKind.NeedsAssessment,
        Content.Session or Content.Proposal => StageKind.CoDesign,
        _ => StageKind.Specification,
    };

    private static Guid AddContent(Content content, CommissioningCycle cycle, CoproDbContext db, Guid? organisationId)
    {
        const string Commissioner = People.Commissioner;
        const CycleRole Role = CycleRole.Commissioner;
        var now = Moments.Now;
        switch (content)
        {
            case Content.Evidence:
                return db.EvidenceItems.Add(Expect.Success(EvidenceItem.Add(cycle, "Harbourside JSNA 2025", EvidenceKind.Jsna,
                    "1 in 6 adults has a common mental health problem.", "", Commissioner, Role, now))).Entity.Id;
            case Content.Need:
                return db.IdentifiedNeeds.Add(Expect.Success(IdentifiedNeed.Identify(cycle, "People leaving wards lose support",
                    NeedPriority.High, [], Commissioner, Role, now))).Entity.Id;
            case Content.InequalityGroup:
                return db.InequalityGroups.Add(Expect.Success(InequalityGroup.Record(cycle, AffectedGroup.Race, "Black African and Caribbean men",
                    "Detained at 3.5 times the rate of white men.", Commissioner, Role, now))).Entity.Id;
            case Content.Session:
                return db.CoDesignSessions.Add(Expect.Success(CoDesignSession.Schedule(cycle, new SessionDetails(
                    "Online evening session", new DateOnly(2026, 3, 12), new TimeOnly(18, 0), null, SessionFormat.Online, "", "Zoom",
                    [], "", [], 5, ""), Commissioner, Role, now))).Entity.Id;
            case Content.Proposal:
                return db.ProviderProposals.Add(Expect.Success(ProviderProposal.Submit(cycle, "Step-down flats", "Six flats near the high street.",
                    "Peer workers on site.", People.Provider, CycleRole.Provider, organisationId, now))).Entity.Id;
            case Content.SpecificationVersion:
                return db.Specifications.Add(Expect.Success(ServiceSpecification.Start(cycle, ASpecification.FirstDraft(), Commissioner, Role, now))).Entity.Id;
            case Content.GlossaryTerm:
                return db.GlossaryTerms.Add(Expect.Success(GlossaryTerm.Add(cycle, [], "Recovery college", "A place to learn about recovery.",
                    Commissioner, Role, now))).Entity.Id;
            default:
                throw new ArgumentOutOfRangeException(nameof(content));
        }
    }

    private async Task<bool> ContentExistsAsync(Content content, CoproDbContext db, Guid id) => content switch
    {
        Content.Evidence => await db.EvidenceItems.AnyAsync(x => x.Id == id, _ct),
        Content.Need => await db.IdentifiedNeeds.AnyAsync(x => x.Id == id, _ct),
        Content.InequalityGroup => await db.InequalityGroups.AnyAsync(x => x.Id == id, _ct),
        Content.Session => await db.CoDesignSessions.AnyAsync(x => x.Id == id, _ct),
        Content.Proposal => await db.ProviderProposals.AnyAsync(x => x.Id == id, _ct),
        Content.SpecificationVersion => await db.Specifications.AnyAsync(x => x.Id == id, _ct),
        Content.GlossaryTerm => await db.GlossaryTerms.AnyAsync(x => x.Id == id, _ct),
        _ => throw new ArgumentOutOfRangeException(nameof(content)),
    };

    private async Task<Guid> ReadyToSignOffAsync(StageKind kind)
    {
        var cycle = ACycle.AtStage(kind).ReadyToSignOff().Build();
        await using var scope = fixture.Db();
        scope.Context.Cycles.Add(cycle);
        await scope.Context.SaveChangesAsync(_ct);
        return cycle.Id;
    }

    private async Task<Guid> OrganisationAsync()
    {
        await using var scope = fixture.Db();
        var organisation = new Organisation($"Harbourside Housing {Guid.NewGuid():N}"[..28], OrganisationKind.NhsTrust);
        scope.Context.Organisations.Add(organisation);
        await scope.Context.SaveChangesAsync(_ct);
        return organisation.Id;
    }
}
