using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Alliance;

/// <summary>
/// The members of the cycle who could speak for a party (its commissioners, and its providers' staff), as a form offers
/// them: by membership id, never account id. <see cref="PersonFor"/> turns a choice into the domain's
/// <see cref="NamedPerson"/> from the membership, so a person's role and organisation are never taken from the form.
/// </summary>
public sealed record NamedPeople(IReadOnlyList<NamedPeople.Person> People)
{
    public sealed record Person(Guid MemberId, string UserId, string Name, CycleRole Role, Guid? OrganisationId);

    /// <summary>The domain's name for the person field, which these forms choose by membership.</summary>
    public const string DomainField = "UserId";

    public NamedPerson? PersonFor(Guid? memberId) =>
        People.FirstOrDefault(p => p.MemberId == memberId) is { } person ? new NamedPerson(person.UserId, person.Role, person.OrganisationId) : null;

    public static async Task<NamedPeople> LoadAsync(CoproDbContext db, Guid cycleId, string viewerUserId, CancellationToken ct)
    {
        var rows = await (
                from m in db.Memberships.AsNoTracking()
                where m.CycleId == cycleId && (m.Role == CycleRole.Commissioner || m.Role == CycleRole.Provider)
                join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                orderby m.JoinedAt, m.Id
                select new { m.Id, m.UserId, m.Role, m.OrganisationId, u.DisplayName, u.ShowAsPanelMember, u.FormerParticipantNumber })
            .ToListAsync(ct);
        return new NamedPeople([.. rows.Select(r => new Person(r.Id, r.UserId,
            PeopleNames.ShownTo(viewerUserId, r.UserId, r.DisplayName, r.ShowAsPanelMember, r.FormerParticipantNumber), r.Role, r.OrganisationId))]);
    }
}
