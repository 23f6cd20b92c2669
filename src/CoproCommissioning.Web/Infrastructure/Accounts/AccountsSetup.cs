namespace CoproCommissioning.Web.Infrastructure.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddCoproAccounts(this IServiceCollection services, IConfiguration configuration) => services;

    public static IApplicationBuilder UseTwoFactorEnforcement(this IApplicationBuilder app) => app;
}
