using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>Puts validation and Identity errors beside the fields of an account form ("Input.Email").</summary>
public static class FormErrors
{
    public static void AddFormErrors(this ModelStateDictionary modelState, ValidationResult result, string prefix)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError($"{prefix}.{error.PropertyName}", error.ErrorMessage);
        }
    }

    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, string key)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(key, error.Description);
        }
    }
}
