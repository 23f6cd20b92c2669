namespace CoproCommissioning.Web.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Pickup writes each message as an .eml file (Development, tests, demos); Smtp sends it.</summary>
    public EmailDelivery Delivery { get; set; } = EmailDelivery.Smtp;

    /// <summary>Relative paths are under the app's content root.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail-pickup";

    public string FromAddress { get; set; } = "no-reply@copro-commissioning.invalid";
    public string FromName { get; set; } = "Co-produced commissioning";

    public string SmtpHost { get; set; } = "";
    public int SmtpPort { get; set; } = 587;
    public bool SmtpUseStartTls { get; set; } = true;
    public string SmtpUserName { get; set; } = "";
    public string SmtpPassword { get; set; } = "";
}

public enum EmailDelivery
{
    Pickup,
    Smtp,
}
