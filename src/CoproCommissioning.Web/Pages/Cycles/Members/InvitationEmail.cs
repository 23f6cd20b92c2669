using System.Text.Encodings.Web;

namespace CoproCommissioning.Web.Pages.Cycles.Members;

/// <summary>
/// The invitation email: who invited the person and from which organisation, the cycle, and what their part in it is
/// in plain words, so they know why they were asked before they follow the link.
/// </summary>
public static class InvitationEmail
{
    public const string Purpose = "Invitation";

    public static string Subject(InvitationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return $"{context.InvitedBy} invited you to help shape {context.CycleTitle}";
    }

    /// <summary>The same words as <see cref="Html"/>, for mail programs that show plain text.</summary>
    public static string Text(InvitationContext context, CycleRole role, Voice? panelVoice, string link, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(context);
        return $"""
            {context.InvitedBy} from {context.Organisation} has invited you to join {context.CycleTitle} as a {Labels.Of(role, panelVoice).ToLowerInvariant()}.

            {WhyYou(role)}

            People who use services, carers, providers and commissioners plan this service together. You'll see what happens to everything you say.

            Accept the invitation: {link}

            The link works once and until {expiresAt:d MMMM yyyy}. If you weren't expecting this email, you can ignore it.
            """;
    }

    public static string Html(InvitationContext context, CycleRole role, Voice? panelVoice, string link, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(context);
        var html = HtmlEncoder.Default;
        return $"""
            <p>{html.Encode(context.InvitedBy)} from {html.Encode(context.Organisation)} has invited you to join
            <strong>{html.Encode(context.CycleTitle)}</strong> as a {html.Encode(Labels.Of(role, panelVoice).ToLowerInvariant())}.</p>
            <p>{html.Encode(WhyYou(role))}</p>
            <p>People who use services, carers, providers and commissioners plan this service together. You'll see
            what happens to everything you say.</p>
            <p><a href="{html.Encode(link)}">Accept the invitation</a></p>
            <p>The link works once and until {expiresAt:d MMMM yyyy}. If you weren't expecting this email, you can ignore it.</p>
            """;
    }

    /// <summary>What someone in this role is asked to do, in a sentence.</summary>
    public static string WhyYou(CycleRole role) => role switch
    {
        CycleRole.Commissioner => "You'll run the cycle with the other commissioners: invite people, record decisions and sign off each stage.",
        CycleRole.CoProductionChampion => "You'll make sure people with lived experience are heard: log what they say at workshops and on the phone, and make sure every piece of their input gets an answer.",
        CycleRole.PanelMember => "Your experience of services, or of caring for someone who uses them, will shape what is bought: you'll comment on plans and take part in decisions.",
        CycleRole.Provider => "Your organisation may deliver this service: you'll share ideas for how it could work and, later, bid and report on it.",
        CycleRole.ClinicalAdviser => "You'll give clinical advice and record the decisions that need to be clinically led, with the reasons.",
        CycleRole.Observer => "You'll be able to follow the cycle and read what is decided.",
        _ => "",
    };

    /// <summary>What a person who has just joined can do first, for the welcome after they accept.</summary>
    public static string FirstStep(CycleRole role) => role switch
    {
        CycleRole.Commissioner => "Start by checking who is in the cycle and what each stage still needs.",
        CycleRole.CoProductionChampion => "Start by logging input you have gathered on someone's behalf in the open stage.",
        CycleRole.PanelMember => "Start by reading the open stage and adding your input. You can choose how your name is shown to others in your account settings.",
        CycleRole.Provider => "Start by reading the open stage and sharing your organisation's ideas.",
        CycleRole.ClinicalAdviser => "Start by reading the open stage and any decisions waiting for clinical advice.",
        _ => "Start by reading the open stage.",
    };
}

/// <summary>Who sent an invitation and for what: the inviter's name, their organisation and the cycle's title.</summary>
public sealed record InvitationContext(string CycleTitle, string InvitedBy, string Organisation);
