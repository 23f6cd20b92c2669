using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CoproCommissioning.Web.Infrastructure.Authorization;

/// <summary>
/// Makes every handler parameter and bound property named like one of its page's route values bind from the
/// route alone. Model binding otherwise reads form fields and the query string first: a post to
/// <c>/cycles/A/members</c> with a form field <c>cycleId=B</c> would act on cycle B after the
/// <see cref="CycleAuthorizationFilter"/> had checked membership of A. Applied to every page, so a new page
/// can't forget it (see docs/security.md).
/// </summary>
public sealed class RouteIdsFromRouteOnlyConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var routeValues = RouteValueNames(model.ActionDescriptor.AttributeRouteInfo?.Template);
        if (routeValues.Count == 0)
        {
            return;
        }

        foreach (var parameter in model.HandlerMethods.SelectMany(h => h.Parameters))
        {
            if (routeValues.Contains(parameter.ParameterName))
            {
                parameter.BindingInfo = FromRouteOnly(parameter.BindingInfo);
            }
        }

        foreach (var property in model.HandlerProperties)
        {
            if (property.BindingInfo is not null && routeValues.Contains(property.PropertyName))
            {
                property.BindingInfo = FromRouteOnly(property.BindingInfo);
            }
        }
    }

    /// <summary>The names of a route template's parameters, compared as model binding compares them (any case).</summary>
    public static IReadOnlySet<string> RouteValueNames(string? template) =>
        string.IsNullOrEmpty(template)
            ? new HashSet<string>()
            : RoutePatternFactory.Parse(template).Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static BindingInfo FromRouteOnly(BindingInfo? existing) =>
        new(existing ?? new BindingInfo()) { BindingSource = BindingSource.Path };
}
