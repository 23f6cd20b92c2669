using CoproCommissioning.Domain;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoproCommissioning.Web.Infrastructure.Pages;

public static class ModelStateExtensions
{
    public const string ConcurrencyMessage =
        "Someone else changed this cycle while you were working. Check the latest version below and try again.";

    /// <summary>FluentValidation errors beside their fields: property "Summary" under prefix "Form" is key "Form.Summary".</summary>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationResult result, string prefix)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}", error.ErrorMessage);
        }
    }

    /// <summary>
    /// Domain refusals: beside the field named for the rule's code in <paramref name="fieldsByCode"/>, or
    /// <paramref name="fieldForSubject"/> when the refusal is about one thing on the form (a cited contribution),
    /// else for the whole form.
    /// </summary>
    public static void AddErrors(
        this ModelStateDictionary modelState,
        IEnumerable<Refusal> refusals,
        IReadOnlyDictionary<string, string>? fieldsByCode = null,
        Func<Refusal, string?>? fieldForSubject = null)
    {
        foreach (var refusal in refusals)
        {
            var key = fieldForSubject?.Invoke(refusal)
                ?? (fieldsByCode is not null && fieldsByCode.TryGetValue(refusal.Rule.Code, out var field) ? field : "");
            modelState.AddModelError(key, refusal.Rule.Message);
        }
    }

    /// <summary>"Someone else changed this cycle", for the whole form (R8).</summary>
    public static void AddConcurrencyError(this ModelStateDictionary modelState) =>
        modelState.AddModelError("", ConcurrencyMessage);
}
