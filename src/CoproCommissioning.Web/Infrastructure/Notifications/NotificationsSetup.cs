using CoproCommissioning.Data.Notifications;

namespace CoproCommissioning.Web.Infrastructure.Notifications;

public static class NotificationsSetup
{
    public static IServiceCollection AddCoproNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationSchedulerOptions>().Bind(configuration.GetSection(NotificationSchedulerOptions.Section));
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<NotificationEmails>();
        services.AddScoped<NotificationRaiser>();
        services.AddScoped<INotificationSource, ChangeNotifications>();
        services.AddSingleton<NotificationScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<NotificationScheduler>());
        return services;
    }
}
