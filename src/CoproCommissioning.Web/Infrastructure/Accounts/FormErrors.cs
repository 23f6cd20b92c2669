using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>Puts Identity's errors beside a field of an account form ("Input.Password"); validation errors use ModelStateExtensions.</summary>
public static class FormErrors
{
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, string key)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(key, error.Description);
        }
    }
}
