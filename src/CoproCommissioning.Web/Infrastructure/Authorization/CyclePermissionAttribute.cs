namespace CoproCommissioning.Web.Infrastructure.Authorization;

/// <summary>
/// Says what a cycle page (on the class, for GET) or one of its handlers (on the method) needs.
/// <see cref="CycleAuthorizationFilter"/> enforces it on the server for every request.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class CyclePermissionAttribute(CycleOperation operation) : Attribute
{
    public CycleOperation Operation { get; } = operation;
}
