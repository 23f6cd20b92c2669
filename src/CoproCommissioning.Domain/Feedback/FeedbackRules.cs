namespace CoproCommissioning.Domain.Feedback;

/// <summary>Rules for feedback about the service. Codes are stable; messages say how to fix the problem.</summary>
public static class FeedbackRules
{
    public static readonly DomainRule TextRequired = new(
        "feedback-text-required",
        "Enter your feedback.",
        nameof(ServiceFeedback.Text));

    public static readonly DomainRule TextTooLong = new(
        "feedback-text-too-long",
        $"Feedback must be {ServiceFeedback.TextMaxLength} characters or fewer.",
        nameof(ServiceFeedback.Text));

    public static readonly DomainRule EmailTooLong = new(
        "feedback-email-too-long",
        $"Enter an email address of {ServiceFeedback.EmailMaxLength} characters or fewer.",
        nameof(ServiceFeedback.Email));

    public static readonly DomainRule EmailInvalid = new(
        "feedback-email-invalid",
        "Enter an email address in the correct format, like name@example.com, or leave it empty.",
        nameof(ServiceFeedback.Email));
}
