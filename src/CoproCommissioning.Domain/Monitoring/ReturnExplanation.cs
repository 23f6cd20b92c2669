namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// Why a party's return for a period is missing, as the commissioner recorded it (the service was paused, the
/// provider joined the alliance later), so sign-off can go ahead without it and the record says why.
/// </summary>
public sealed class ReturnExplanation
{
    public const int TextMaxLength = 2000;

    private ReturnExplanation() { }

    internal ReturnExplanation(Guid periodId, Guid organisationId, string text, string recordedByUserId, DateTimeOffset now)
    {
        PeriodId = periodId;
        OrganisationId = organisationId;
        Rewrite(text, recordedByUserId, now);
    }

    public Guid PeriodId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Text { get; private set; } = "";

    public string RecordedByUserId { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    internal void Rewrite(string text, string recordedByUserId, DateTimeOffset now)
    {
        Text = text;
        RecordedByUserId = recordedByUserId;
        RecordedAt = now;
    }
}
