namespace CoproCommissioning.Domain.NeedsAssessment;

/// <summary>
/// One piece of evidence behind a cycle's needs assessment: population data, the JSNA, service data, a
/// lived-experience story or a survey. Its own small aggregate, keyed by the cycle it belongs to.
/// </summary>
public sealed class EvidenceItem
{
    public const int SourceMaxLength = 200;
    public const int SummaryMaxLength = 4000;
    public const int LinkMaxLength = 2000;

    private EvidenceItem() { }

    private EvidenceItem(Guid cycleId, string source, EvidenceKind kind, string summary, string? link, string addedByUserId,
        DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CycleId = cycleId;
        Source = source;
        Kind = kind;
        Summary = summary;
        Link = link;
        AddedByUserId = addedByUserId;
        AddedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    /// <summary>Where it comes from, as people would cite it: "Harbourside JSNA 2025".</summary>
    public string Source { get; private set; } = "";

    public EvidenceKind Kind { get; private set; }

    public string Summary { get; private set; } = "";

    /// <summary>An http or https address where the evidence can be read; null when there is none.</summary>
    public string? Link { get; private set; }

    public string AddedByUserId { get; private set; } = "";

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    /// <summary>Only web addresses: a javascript: or file: link in a page is a risk to whoever clicks it.</summary>
    public static bool IsAllowedLink(string? link)
    {
        string clean = TextInput.Clean(link);
        return clean.Length == 0
            || (Uri.TryCreate(clean, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && uri.Host.Length > 0);
    }

    public static DomainOutcome<EvidenceItem> Add(
        CommissioningCycle cycle,
        string? source,
        EvidenceKind? kind,
        string? summary,
        string? link,
        string addedByUserId,
        CycleRole adderRole,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentException.ThrowIfNullOrWhiteSpace(addedByUserId);
        Guard.Defined(adderRole);
        Guard.Utc(now);

        var refusals = Check(cycle, source, kind, summary, link, adderRole, now);
        return refusals.Count > 0
            ? DomainOutcome.Refused<EvidenceItem>(refusals)
            : DomainOutcome.Success(new EvidenceItem(
                cycle.Id, TextInput.Clean(source), kind!.Value, TextInput.Clean(summary), CleanLink(link), addedByUserId, now));
    }

    public DomainOutcome Revise(
        CommissioningCycle cycle,
        string? source,
        EvidenceKind? kind,
        string? summary,
        string? link,
        CycleRole reviserRole,
        DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, CycleId);
        Guard.Defined(reviserRole);
        Guard.Utc(now);

        var refusals = Check(cycle, source, kind, summary, link, reviserRole, now);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        Source = TextInput.Clean(source);
        Kind = kind!.Value;
        Summary = TextInput.Clean(summary);
        Link = CleanLink(link);
        return DomainOutcome.Success();
    }

    private static List<Refusal> Check(
        CommissioningCycle cycle, string? source, EvidenceKind? kind, string? summary, string? link, CycleRole actorRole, DateTimeOffset now)
    {
        List<Refusal> refusals = [];
        if (!StageContent.MayManage(actorRole))
        {
            refusals.Add(new Refusal(NeedsAssessmentRules.StaffOnly));
        }

        StageContent.CheckStageOpen(refusals, cycle, StageKind.NeedsAssessment, now);
        TextInput.Check(refusals, source, SourceMaxLength, NeedsAssessmentRules.EvidenceSourceRequired, NeedsAssessmentRules.EvidenceSourceTooLong);
        ChoiceInput.Check(refusals, kind, NeedsAssessmentRules.EvidenceKindRequired);
        TextInput.Check(refusals, summary, SummaryMaxLength, NeedsAssessmentRules.EvidenceSummaryRequired, NeedsAssessmentRules.EvidenceSummaryTooLong);
        if (TextInput.Clean(link).Length > LinkMaxLength)
        {
            refusals.Add(new Refusal(NeedsAssessmentRules.EvidenceLinkTooLong));
        }
        else if (!IsAllowedLink(link))
        {
            refusals.Add(new Refusal(NeedsAssessmentRules.EvidenceLinkInvalid));
        }

        return refusals;
    }

    private static string? CleanLink(string? link) => TextInput.Clean(link) is { Length: > 0 } clean ? clean : null;
}
