namespace CoproCommissioning.Data.Auditing;

/// <summary>Who is making the changes being saved; the web app answers from the signed-in user.</summary>
public interface IAuditActor
{
    string? UserId { get; }
}

/// <summary>For work outside a request: seeding, tools, tests that don't sign anyone in.</summary>
public sealed class SystemAuditActor : IAuditActor
{
    public string? UserId => null;
}
