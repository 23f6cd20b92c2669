using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CoproCommissioning.Web.Infrastructure.Authorization;

/// <summary>
/// R7 on the server: a cycle page answers only to members of that cycle (others get 404, so a cycle's
/// existence isn't revealed), and each handler only to the roles allowed its operation (others get 403).
/// A page with a {cycleId} route and no <see cref="CyclePermissionAttribute"/> fails closed.
/// </summary>
public sealed class CycleAuthorizationFilter(CoproDbContext db) : IAsyncPageFilter
{
    public const string CycleIdRouteKey = "cycleId";

    // Attributes and route templates don't change while the app runs: read once a handler, not on every request.
    private static readonly ConcurrentDictionary<(ActionDescriptor Page, MethodInfo? Handler), (CyclePermissionAttribute? Permission, bool HasCycleRoute)> Handlers = new();

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var (permission, hasCycleRoute) = Handlers.GetOrAdd((context.ActionDescriptor, context.HandlerMethod?.MethodInfo), static (_, c) =>
            (RequiredPermission(c),
             c.ActionDescriptor.AttributeRouteInfo?.Template?.Contains("{" + CycleIdRouteKey, StringComparison.Ordinal) == true), context);
        if (permission is null)
        {
            if (hasCycleRoute)
            {
                throw new InvalidOperationException(
                    $"{context.ActionDescriptor.DisplayName} is a cycle page without [CyclePermission]: say who may use it.");
            }

            await next();
            return;
        }

        var userId = context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            context.Result = new ChallengeResult();
            return;
        }

        if (!Guid.TryParse(context.RouteData.Values[CycleIdRouteKey] as string, out var cycleId))
        {
            context.Result = new NotFoundResult();
            return;
        }

        var membership = await db.MembershipAsync(cycleId, userId, context.HttpContext.RequestAborted);
        if (membership is null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        if (!CyclePermissions.Allows(membership.Role, permission.Operation))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        context.HttpContext.Features.Set(new CurrentCycleMember(membership));
        await next();
    }

    /// <summary>The handler's own permission if it has one, else the page's.</summary>
    public static CyclePermissionAttribute? RequiredPermission(PageHandlerExecutingContext context) =>
        context.HandlerMethod?.MethodInfo.GetCustomAttribute<CyclePermissionAttribute>()
        ?? context.ActionDescriptor.HandlerTypeInfo.GetCustomAttribute<CyclePermissionAttribute>();
}

/// <summary>The signed-in person's membership of the cycle in the route, once the filter has checked it.</summary>
public sealed record CurrentCycleMember(CycleMembership Membership);

public static class CurrentCycleMemberExtensions
{
    public static CycleMembership CycleMember(this HttpContext context) =>
        context.Features.Get<CurrentCycleMember>()?.Membership
        ?? throw new InvalidOperationException("No cycle membership: is the page marked [CyclePermission]?");
}
