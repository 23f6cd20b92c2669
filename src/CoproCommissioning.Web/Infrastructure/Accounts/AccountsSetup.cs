using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddSingleton<StaffTwoFactorPolicy>();
        services.AddScoped<PlainEnglishIdentityErrors>();
        services.Replace(ServiceDescriptor.Scoped<IdentityErrorDescriber>(s => s.GetRequiredService<PlainEnglishIdentityErrors>()));
        services.AddSingleton(_ => CommonPasswords.Load());
        services.AddScoped<IPasswordValidator<AppUser>, PasswordPolicyValidator>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<AccountPseudonymiser>();
        return services;
    }

    /// <summary>Call after UseAuthorization.</summary>
    public static IApplicationBuilder UseTwoFactorEnforcement(this IApplicationBuilder app) =>
        app.UseMiddleware<TwoFactorEnforcementMiddleware>();
}
