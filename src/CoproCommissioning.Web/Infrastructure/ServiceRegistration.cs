using CoproCommissioning.Data.Auditing;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Infrastructure.Accounts;
using CoproCommissioning.Web.Infrastructure.Benchmarking;
using CoproCommissioning.Web.Infrastructure.Email;
using CoproCommissioning.Web.Infrastructure.Hosting;
using CoproCommissioning.Web.Infrastructure.Notifications;
using CoproCommissioning.Web.Pages.Admin.Accounts;
using CoproCommissioning.Web.Pages.Cycles.Members;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using CoproCommissioning.Web.Infrastructure.Logging;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Serilog;
using Serilog.Formatting.Compact;

namespace CoproCommissioning.Web.Infrastructure;

public static class ServiceRegistration
{
    public static WebApplicationBuilder AddCoproServices(this WebApplicationBuilder builder)
    {
        // First, so that every setting below may come from a secret file (Secrets:Directory).
        builder.Configuration.AddSecretFiles();
        var services = builder.Services;
        var isDevelopment = builder.Environment.IsDevelopment();

        // preserveStaticLogger: each host logs through its own logger (and so its own redaction), never through
        // whichever one last took the static Log.Logger; the tests start many hosts in one process.
        services.AddSerilog((provider, logger) =>
        {
            // Redaction last, after every enricher that adds properties (decision 0009).
            var redaction = new SecretRedactingEnricher(provider.GetRequiredService<IHttpContextAccessor>());
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(provider).Enrich.FromLogContext()
                .Enrich.With(redaction)
                .Filter.ByExcluding(redaction.TemplateHasSecret)
                .Filter.ByExcluding(MigrationHistoryProbe.IsHarmless);
            // Log aggregators parse JSON; people reading a terminal don't.
            if (isDevelopment)
            {
                logger.WriteTo.Console();
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        }, preserveStaticLogger: true);

        DemoConveniences.RefuseOutsideDevelopment(builder.Configuration, builder.Environment);
        services.AddCoproBenchmarking(builder.Configuration, builder.Environment);

        // dotnet ef (design time) changes the schema, so it connects as the owner (docs/decisions/0011-two-database-roles.md).
        var connectionString = EF.IsDesignTime
            ? builder.Configuration.GetConnectionString(DatabaseStartupOptions.MigrationsConnectionName)
            : builder.Configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                EF.IsDesignTime
                    ? "No connection string for dotnet ef: set ConnectionStrings__Migrations, the role that owns the tables (scripts/pg.sh env prints it)."
                    : "No database connection string: set ConnectionStrings__Default (scripts/pg.sh env prints one).");
        }

        services.AddCoproHosting(builder.Configuration, builder.Environment);
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, SignedInAuditActor>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Domain.Procurement.IWorkingDayCalendar, Procurement.EnglandAndWalesWorkingDays>();
        services.AddCoproData(connectionString);

        services.AddDefaultIdentity<AppUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                PasswordRules.Apply(options.Password);
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CoproDbContext>()
            .AddUserStore<CoproUserStore>()
            .AddSignInManager<CoproSignInManager>()
            .AddTokenProvider<AccountSetUpTokenProvider>(AccountSetUp.TokenProvider);

        services.AddCoproAccounts(builder.Configuration);
        services.AddCoproEmail(builder.Configuration);
        services.AddCoproNotifications(builder.Configuration);
        services.AddCoproRateLimiting(builder.Configuration);

        services.AddDataProtection()
            .SetApplicationName("CoproCommissioning")
            .PersistKeysToDbContext<CoproDbContext>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddRazorPages(options => options.Conventions.Add(new BindingSourcesConvention()))
            .AddMvcOptions(options =>
            {
                // Validation messages come from FluentValidation only, not from nullable reference types.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.Filters.Add<CycleAuthorizationFilter>();
            });

        services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);

        services.AddHealthChecks().AddDbContextCheck<CoproDbContext>("database");

        services.AddOptions<DatabaseStartupOptions>().Bind(builder.Configuration.GetSection(DatabaseStartupOptions.Section));
        services.AddOptions<DemoDataOptions>().Bind(builder.Configuration.GetSection(DemoDataOptions.Section));
        services.AddScoped<DemoSeeder>();
        services.AddScoped<InvitationSender>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<AccountAdministration>();

        return builder;
    }
}
