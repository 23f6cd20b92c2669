using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Alliance;

/// <summary>
/// A commissioner adds a party to the leadership team (one of the alliance's providers, or the commissioner) with the
/// member of the cycle who speaks for it. The party is one choice on the form; the domain's two answers (whether it is
/// the commissioner, and which provider) are read from it.
/// </summary>
[CyclePermission(CycleOperation.ManageMembers)]
public sealed class AddMemberModel(CoproDbContext db, TimeProvider clock, ILogger<AddMemberModel> logger) : AlliancePageModel(db, clock)
{
    /// <summary>The form's value for the commissioner's party; a provider's is its organisation id.</summary>
    public const string CommissionerParty = "commissioner";

    [BindProperty]
    public Input Form { get; set; } = new();

    public NamedPeople Candidates { get; private set; } = new([]);

    /// <summary>The parties without a member yet: the commissioner and the providers, as (form value, name).</summary>
    public IReadOnlyList<(string Value, string Name)> Parties { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(forChange: false, ct) is { } answer)
        {
            return answer;
        }

        await ShowAsync(ct);
        return Page();
    }

    [CyclePermission(CycleOperation.ManageMembers)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(forChange: true, ct) is { } answer)
        {
            return answer;
        }

        await ShowAsync(ct);
        if (Procurement is null)
        {
            return Page();
        }

        var (party, organisationId) = Form.Party switch
        {
            null or "" => ((AllianceParty?)null, (Guid?)null),
            CommissionerParty => (AllianceParty.Commissioner, null),
            var value => (AllianceParty.Provider, Guid.TryParse(value, out var id) ? id : Guid.Empty),
        };
        var (result, added) = await AddAsync((team, now) => team.AddMember(Cycle, Procurement, party, organisationId, Candidates.PersonFor(Form.MemberId), UserId, Role, now), nameof(Form), ct, FieldOnThisForm);
        if (result is not null)
        {
            await ShowAsync(ct);
            return result;
        }

        logger.LogInformation("Member {MemberId} added to the alliance leadership team of cycle {CycleId}", added!.Id, CycleId);
        TempData.SetSuccess($"{PartyOf(added)} is on the leadership team.");
        return Redirect($"{AllianceUrl}#members");
    }

    /// <summary>The party is one question here, and the person is chosen by membership.</summary>
    internal static string FieldOnThisForm(string field) => field switch
    {
        nameof(AllianceMember.Party) or nameof(AllianceMember.OrganisationId) => nameof(Input.Party),
        NamedPeople.DomainField => nameof(Input.MemberId),
        _ => field,
    };

    private async Task ShowAsync(CancellationToken ct)
    {
        Candidates = await NamedPeople.LoadAsync(Db, CycleId, UserId, ct);
        if (Team is null || Procurement is null)
        {
            return;
        }

        Candidates = new([.. Candidates.People.Where(p => Team.MemberFor(p.UserId) is null
            && (p.Role == CycleRole.Commissioner || (p.OrganisationId is { } organisation && Procurement.AwardedOrganisationIds.Contains(organisation))))]);
        List<(string, string)> parties = [];
        if (Team.Members.All(m => m.Party != AllianceParty.Commissioner))
        {
            parties.Add((CommissionerParty, "The commissioner"));
        }

        parties.AddRange(Procurement.AwardedOrganisationIds.Where(id => Team.Members.All(m => m.OrganisationId != id))
            .Select(id => (id.ToString(), Organisations.GetValueOrDefault(id, "A provider"))));
        Parties = parties;
    }

    public sealed record Input
    {
        /// <summary><see cref="CommissionerParty"/>, or a provider's organisation id.</summary>
        public string? Party { get; init; }

        /// <summary>The named person, by <see cref="NamedPeople.Person.MemberId"/>.</summary>
        public Guid? MemberId { get; init; }
    }
}
