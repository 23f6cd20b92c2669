using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Alliance;

/// <summary>
/// A commissioner changes who speaks for a party, for example when someone leaves the provider; the party's votes and
/// ratings stay its own. A member id from another cycle's team is not found.
/// </summary>
[CyclePermission(CycleOperation.ManageMembers)]
public sealed class MemberModel(CoproDbContext db, TimeProvider clock, ILogger<MemberModel> logger) : AlliancePageModel(db, clock)
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public AllianceMember Member { get; private set; } = null!;

    public NamedPeople Candidates { get; private set; } = new([]);

    public async Task<IActionResult> OnGetAsync(Guid memberId, CancellationToken ct)
    {
        if (await LoadAsync(forChange: false, ct) is { } answer)
        {
            return answer;
        }

        if (Team?.FindMember(memberId) is not { } member)
        {
            return NotFound();
        }

        await ShowAsync(member, ct);
        var current = Candidates.People.FirstOrDefault(p => p.UserId == member.UserId);
        Form = new Input { MemberId = current?.MemberId, Version = Team.Version };
        return Page();
    }

    [CyclePermission(CycleOperation.ManageMembers)]
    public async Task<IActionResult> OnPostAsync(Guid memberId, CancellationToken ct)
    {
        if (await LoadAsync(forChange: true, ct) is { } answer)
        {
            return answer;
        }

        if (Team?.FindMember(memberId) is not { } member)
        {
            return NotFound();
        }

        await ShowAsync(member, ct);
        var result = await ChangeAsync(
            (team, now) => team.ChangeNamedPerson(Cycle, Procurement!, memberId, Candidates.PersonFor(Form.MemberId), Role, now),
            nameof(Form), Form.Version, ct, AddMemberModel.FieldOnThisForm);
        if (result is not null)
        {
            if (Team?.FindMember(memberId) is not { } latest)
            {
                return NotFound();
            }

            await ShowAsync(latest, ct);
            if (Conflicted)
            {
                Form = Form with { Version = Team!.Version };
            }

            return result;
        }

        logger.LogInformation("Named person of alliance member {MemberId} in cycle {CycleId} changed", memberId, CycleId);
        TempData.SetSuccess($"{PartyOf(member)} now speaks through {Candidates.People.First(p => p.MemberId == Form.MemberId).Name}.");
        return Redirect($"{AllianceUrl}#members");
    }

    private async Task ShowAsync(AllianceMember member, CancellationToken ct)
    {
        Member = member;
        var people = await NamedPeople.LoadAsync(Db, CycleId, UserId, ct);
        Candidates = new([.. people.People.Where(p => member.Party == AllianceParty.Commissioner
            ? p.Role == CycleRole.Commissioner
            : p.Role == CycleRole.Provider && p.OrganisationId == member.OrganisationId)]);
    }

    public sealed record Input
    {
        public Guid? MemberId { get; init; }

        /// <summary>The team's version when the page was shown (PostgreSQL xmin).</summary>
        public uint Version { get; init; }
    }
}
