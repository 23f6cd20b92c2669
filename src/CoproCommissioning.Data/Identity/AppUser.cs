using CoproCommissioning.Domain.Administration;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Data.Identity;

/// <summary>A person's account and what they told us about how to work with them.</summary>
public sealed class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = SiteAdministration.DisplayNameMaxLength;
    public const int AccessNeedsMaxLength = 2000;

    public string DisplayName { get; set; } = "";

    /// <summary>
    /// R7: the person chose to appear to other participants as "Panel member"; the record keeps who they are.
    /// </summary>
    public bool ShowAsPanelMember { get; set; }

    public Guid? OrganisationId { get; set; }

    public List<CommunicationPreference> CommunicationPreferences { get; set; } = [];

    /// <summary>Free text; seen only by the cycle's commissioners and co-production champion.</summary>
    public string AccessNeeds { get; set; } = "";

    /// <summary>Set when the person deleted their account: they appear as "Former participant #N".</summary>
    public int? FormerParticipantNumber { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Set by an administrator: the person can't sign in, and any session they have ends at its next request.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>When the person last signed in, recorded at most once a day (docs/decisions/0016).</summary>
    public DateTimeOffset? LastSignedInAt { get; set; }

    /// <summary>The name other participants see.</summary>
    public string NameShownToOthers => FormerParticipantNumber is { } number
        ? $"Former participant #{number}"
        : ShowAsPanelMember ? "Panel member" : DisplayName;
}

public enum CommunicationPreference
{
    Email,
    Phone,
    Post,
    EasyRead,
    PlainEnglish,
    LargePrint,
    BslInterpreter,
    OtherInterpreter,
}
