using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CoproCommissioning.Web.Infrastructure.Authorization;

/// <summary>
/// Every value a page binds comes from exactly one place, for every page (docs/security.md):
/// <list type="bullet">
/// <item>A handler parameter or bound property named like a route value binds from the route alone. Model
/// binding otherwise reads form fields and the query string first: a post to <c>/cycles/A/members</c> with a
/// form field <c>cycleId=B</c> would act on cycle B after the <see cref="CycleAuthorizationFilter"/> had checked
/// membership of A.</item>
/// <item>A bound form (<c>[BindProperty]</c>) binds from the posted body alone, under its own name: not from
/// the query string, and not from unprefixed fields. What the page acts on is then exactly what was posted in
/// the form, which is also what the rate limits read (<c>Input.Email</c>).</item>
/// </list>
/// </summary>
public sealed class BindingSourcesConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var routeValues = RouteValueNames(model.ActionDescriptor.AttributeRouteInfo?.Template);
        foreach (var parameter in model.HandlerMethods.SelectMany(h => h.Parameters))
        {
            if (routeValues.Contains(parameter.ParameterName))
            {
                parameter.BindingInfo = With(parameter.BindingInfo, BindingSource.Path);
            }
        }

        foreach (var property in model.HandlerProperties.Where(p => p.BindingInfo is not null))
        {
            if (routeValues.Contains(property.PropertyName))
            {
                property.BindingInfo = With(property.BindingInfo, BindingSource.Path);
            }
            else if (property.Attributes.OfType<BindPropertyAttribute>().Any(b => !b.SupportsGet))
            {
                property.BindingInfo = With(property.BindingInfo, BindingSource.Form);
                property.BindingInfo.BinderModelName ??= property.PropertyName;
            }
        }
    }

    /// <summary>The names of a route template's parameters, compared as model binding compares them (any case).</summary>
    public static IReadOnlySet<string> RouteValueNames(string? template) =>
        string.IsNullOrEmpty(template)
            ? new HashSet<string>()
            : RoutePatternFactory.Parse(template).Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static BindingInfo With(BindingInfo? existing, BindingSource source) =>
        new(existing ?? new BindingInfo()) { BindingSource = source };
}
