namespace CoproCommissioning.Data.Auditing;

/// <summary>
/// Who changed what, when. Written in the same transaction as the change; the database refuses to
/// update or delete these rows (see the AddAuditTrail migration).
/// </summary>
public sealed class AuditEvent
{
    public const int EntityTypeMaxLength = 100;
    public const int EntityIdMaxLength = 100;

    private AuditEvent() { }

    public AuditEvent(DateTimeOffset occurredAt, string? userId, string entityType, string entityId, AuditAction action,
        string changes)
    {
        OccurredAt = occurredAt;
        UserId = userId;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Changes = changes;
    }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>Null for changes the system made itself (demo data, migrations of data).</summary>
    public string? UserId { get; private set; }

    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public AuditAction Action { get; private set; }

    /// <summary>JSON: property name to { "old", "new" }, or { "changed": true } for personal text.</summary>
    public string Changes { get; private set; } = "{}";
}

public enum AuditAction
{
    Inserted,
    Updated,
    Deleted,
}
