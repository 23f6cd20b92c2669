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
    /// Domain refusals beside the input each names (<see cref="Refusal.Field"/>) under <paramref name="prefix"/>, or for
    /// the whole form. A field that already shows a message (its answer could not be read) keeps that one: the domain
    /// judged a value the person did not type. The error summary lists them in the order of the fields on the page.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<Refusal> refusals, string prefix)
    {
        ArgumentNullException.ThrowIfNull(refusals);
        var alreadyWrong = modelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var refusal in refusals)
        {
            var key = refusal.Field is null ? "" : string.IsNullOrEmpty(prefix) ? refusal.Field : $"{prefix}.{refusal.Field}";
            if (key.Length > 0 && alreadyWrong.Contains(key))
            {
                continue;
            }

            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Any(e => e.ErrorMessage == refusal.Rule.Message))
            {
                continue;
            }

            modelState.AddModelError(key, refusal.Rule.Message);
        }
    }

    public static void AddErrors(this ModelStateDictionary modelState, DomainOutcome outcome, string prefix)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        modelState.AddErrors(outcome.Refusals, prefix);
    }

    /// <summary>Why a save did not happen: someone else's change came first (R8), or the rule a duplicate broke, beside its field.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, SaveOutcome saved, string prefix)
    {
        ArgumentNullException.ThrowIfNull(saved);
        if (saved.Status == SaveStatus.Conflict)
        {
            modelState.AddConcurrencyError();
        }

        if (saved.Refusal is { } refusal)
        {
            modelState.AddErrors([refusal], prefix);
        }
    }

    /// <summary>"Someone else changed this cycle", for the whole form (R8).</summary>
    public static void AddConcurrencyError(this ModelStateDictionary modelState) =>
        modelState.AddModelError("", ConcurrencyMessage);
}
