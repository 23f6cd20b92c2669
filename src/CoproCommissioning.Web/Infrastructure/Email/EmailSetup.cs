using Microsoft.AspNetCore.Identity.UI.Services;

namespace CoproCommissioning.Web.Infrastructure.Email;

public static class EmailSetup
{
    public static IServiceCollection AddCoproEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => o.Delivery == EmailDelivery.Pickup || !string.IsNullOrWhiteSpace(o.SmtpHost),
                "Email:SmtpHost is required when Email:Delivery is Smtp (or set Email:Delivery to Pickup).")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.BatchSize > 0 && o.Delays.All(d => d > TimeSpan.Zero),
                "Email:Outbox needs a PollInterval, BatchSize and RetryDelays above zero.")
            .ValidateOnStart();
        services.AddSingleton<PickupFolder>();
        // Every email is queued in the outbox with the change that causes it and sent by the worker (decision 0024).
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        services.ConfigureDbContext<CoproDbContext>((provider, options) =>
            options.AddInterceptors(provider.GetRequiredService<OutboxSignalInterceptor>()));
        services.AddScoped<OutboxSender>();
        services.AddHostedService<OutboxWorker>();
        services.AddTransient<IEmailSender, OutboxEmailSender>();
        return services;
    }
}
