using System.Reflection;

namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>
/// Where an input stands on its page, for listing errors in the order people meet the fields: a page's bound forms
/// in the order the page model declares them, and each form's properties in the order the form declares them
/// (forms declare their properties in the order the page shows them). Messages for the whole form come first.
/// </summary>
public static class FormFieldOrder
{
    public static IEnumerable<T> Sort<T>(IEnumerable<T> errors, Func<T, string> key, object? pageModel)
    {
        var forms = pageModel?.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null)
            .OrderBy(p => p.MetadataToken)
            .ToList() ?? [];
        return errors.Select((error, index) => (error, index))
            .OrderBy(e => Position(key(e.error), forms))
            .ThenBy(e => e.index)
            .Select(e => e.error);
    }

    private static (int Form, int Field) Position(string key, List<PropertyInfo> forms)
    {
        if (key.Length == 0)
        {
            return (-1, -1);
        }

        var parts = key.Split('.', 2);
        var form = forms.FindIndex(f => f.Name == parts[0]);
        if (form < 0 || parts.Length == 1)
        {
            return (form < 0 ? int.MaxValue : form, -1);
        }

        var name = parts[1].Split('.', '[')[0];
        var fields = forms[form].PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.MetadataToken)
            .Select(p => p.Name)
            .ToList();
        var field = fields.IndexOf(name);
        return (form, field < 0 ? int.MaxValue : field);
    }
}
