using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Administration;
using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Pages.Admin.Accounts;

/// <summary>
/// Makes a staff account with its site roles and a one-time set-up link: for an administrator inviting a colleague,
/// and for the <c>admin create</c> command that makes the first administrator before any organisation exists.
/// Panel members and providers are never made here: they join through a cycle's invitation.
/// </summary>
public sealed class StaffAccounts(CoproDbContext db, UserManager<AppUser> users, AccountSetUp setUp, TimeProvider clock,
    ILogger<StaffAccounts> logger)
{
    /// <summary>Makes the account; the caller hands its set-up link over (the <c>admin create</c> command prints it).</summary>
    public Task<DomainOutcome<StaffAccountCreated>> CreateAsync(string? email, string? displayName, Organisation? organisation,
        bool organisationRequired, IReadOnlyCollection<string> roles, CancellationToken ct) =>
        CreateAsync(email, displayName, organisation, organisationRequired, roles, emailSetUpLink: false, ct);

    /// <summary>Makes the account and queues the email with its set-up link in the same transaction.</summary>
    public Task<DomainOutcome<StaffAccountCreated>> CreateAndEmailAsync(string? email, string? displayName, Organisation? organisation,
        IReadOnlyCollection<string> roles, CancellationToken ct) =>
        CreateAsync(email, displayName, organisation, organisationRequired: true, roles, emailSetUpLink: true, ct);

    private async Task<DomainOutcome<StaffAccountCreated>> CreateAsync(string? email, string? displayName, Organisation? organisation,
        bool organisationRequired, IReadOnlyCollection<string> roles, bool emailSetUpLink, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Except(SiteRoles.All, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"{unknown} is not a site role.", nameof(roles));
        }

        var address = (email ?? "").Trim();
        var taken = Invitation.IsEmailAddress(address) && await users.FindByEmailAsync(address) is not null;
        var problems = organisationRequired
            ? SiteAdministration.StaffInvitationProblems(email, displayName, organisation, taken)
            : SiteAdministration.AccountProblems(email, displayName, taken);
        if (problems.Count > 0)
        {
            return DomainOutcome.Refused<StaffAccountCreated>(problems);
        }

        // The account and its roles together, or neither.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser
        {
            UserName = address,
            Email = address,
            DisplayName = displayName!.Trim(),
            OrganisationId = organisation?.Id,
        };
        var created = await users.CreateAsync(user);
        if (created.Succeeded && roles.Count > 0)
        {
            created = await users.AddToRolesAsync(user, roles);
        }

        if (!created.Succeeded)
        {
            db.ChangeTracker.Clear();
            // Identity refuses some addresses our format check lets through (characters a user name can't hold), or one
            // taken a moment ago: the message goes beside the email address.
            return DomainOutcome.Refused<StaffAccountCreated>(created.Errors.Select(e =>
                new Refusal(new DomainRule($"identity-{e.Code}", e.Description, nameof(Invitation.Email)))));
        }

        var link = await setUp.LinkAsync(user);
        if (emailSetUpLink)
        {
            SetUpEmail.Queue(db, user, link, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Staff account {UserId} created with roles {Roles}", user.Id, roles);
        return DomainOutcome.Success(new StaffAccountCreated(user, link));
    }
}

/// <summary>The new account and the link its person sets it up with (never to be logged).</summary>
public sealed record StaffAccountCreated(AppUser User, string SetUpLink);
