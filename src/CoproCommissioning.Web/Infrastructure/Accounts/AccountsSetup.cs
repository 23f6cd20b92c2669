using CoproCommissioning.Data.Identity;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

public static class AccountsSetup
{
    /// <summary>
    /// Call after AddDefaultIdentity: it replaces Identity's error messages with plain English ones and adds
    /// the checks of <see cref="PasswordPolicyValidator"/> to Identity's own.
    /// </summary>
    public static IServiceCollection AddCoproAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>()
            .Configure<IHostEnvironment>((options, environment) => options.ApplyEnvironmentDefaults(environment))
            .Bind(configuration.GetSection(AccountOptions.Section));
        services.AddScoped<StaffTwoFactorPolicy>();
        services.AddScoped<PlainEnglishIdentityErrors>();
        services.Replace(ServiceDescriptor.Scoped<IdentityErrorDescriber>(s => s.GetRequiredService<PlainEnglishIdentityErrors>()));
        services.AddSingleton(_ => CommonPasswords.Load());
        services.AddScoped<IPasswordValidator<AppUser>, PasswordPolicyValidator>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<AccountPseudonymiser>();
        services.AddScoped<AccountSetUp>();
        services.AddSessionLimits();
        services.AddRecentSignIn();
        return services;
    }

    /// <summary>Call after UseAuthorization.</summary>
    public static IApplicationBuilder UseTwoFactorEnforcement(this IApplicationBuilder app) =>
        app.UseMiddleware<TwoFactorEnforcementMiddleware>();

    private static void AddSessionLimits(this IServiceCollection services)
    {
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<AccountOptions>>((stamp, accounts) =>
            {
                stamp.ValidationInterval = accounts.Value.SessionCheckInterval;
                // Keep how the person signed in ("amr"), as RefreshSignInAsync does; the sign-in times are in the
                // cookie's properties, which the check keeps.
                stamp.OnRefreshingPrincipal = context =>
                {
                    var identity = context.NewPrincipal?.Identities.FirstOrDefault();
                    var methods = context.CurrentPrincipal?.Claims
                        .Where(c => c.Type is "amr" or ClaimTypes.AuthenticationMethod) ?? [];
                    foreach (var method in methods)
                    {
                        identity?.AddClaim(new Claim(method.Type, method.Value));
                    }

                    return Task.CompletedTask;
                };
            });

        // Runs after Identity's own cookie set-up (AddDefaultIdentity is called first), so its events are there to wrap.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AccountOptions>>((cookie, accounts) =>
            {
                var lifetime = accounts.Value.SessionLifetime;
                cookie.ExpireTimeSpan = lifetime;
                var signingIn = cookie.Events.OnSigningIn;
                var validatePrincipal = cookie.Events.OnValidatePrincipal;
                cookie.Events.OnSigningIn = async context =>
                {
                    var newSession = SignInTimes.SignedInAt(context.Properties) is null;
                    SignInTimes.Stamp(context);
                    if (newSession)
                    {
                        await LastSignIn.RecordAsync(context.HttpContext, context.Principal);
                    }

                    await signingIn(context);
                };
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    // Sliding expiration renews the cookie while it is used; this is the end it cannot pass.
                    // A cookie without a start time was written before sessions had one: it ends too.
                    var signedInAt = SignInTimes.SignedInAt(context.Properties);
                    var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                    if (signedInAt is null || now - signedInAt >= lifetime)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                        return;
                    }

                    // A deactivated account's sessions end at their next request, on every app instance: the account
                    // is read once per request through UserManager, whose context keeps it for the two-factor check
                    // and the page that follow (docs/decisions/0016).
                    var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<AppUser>>();
                    if (context.Principal is not { } principal || await users.GetUserAsync(principal) is not { DeactivatedAt: null, DeletedAt: null })
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                        return;
                    }

                    await validatePrincipal(context);
                };
            });
    }

    private static void AddRecentSignIn(this IServiceCollection services)
    {
        services.AddScoped<RecentSignIn>();
        services.AddScoped<RecentSignInFilter>();
        services.Configure<RazorPagesOptions>(options =>
        {
            foreach (var page in RecentSignIn.Pages)
            {
                options.Conventions.AddAreaPageApplicationModelConvention("Identity", page,
                    model => model.Filters.Add(new ServiceFilterAttribute(typeof(RecentSignInFilter))));
            }
        });
    }
}
