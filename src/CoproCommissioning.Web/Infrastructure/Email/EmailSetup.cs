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
        services.AddSingleton<PickupFolder>();
        services.AddTransient<IEmailSender, MailKitEmailSender>();
        return services;
    }
}
