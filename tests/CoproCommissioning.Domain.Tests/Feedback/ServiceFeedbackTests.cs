using CoproCommissioning.Domain.Feedback;

namespace CoproCommissioning.Domain.Tests.Feedback;

public sealed class ServiceFeedbackTests
{
    [Fact]
    public void Is_kept_with_its_text_trimmed_and_an_optional_reply_address()
    {
        var feedback = Expect.Success(ServiceFeedback.Send("  The dashboard is clear.  ", " jo@example.org ", "/cycles", Moments.Now));

        Assert.Equal(("The dashboard is clear.", "jo@example.org", "/cycles", Moments.Now), (feedback.Text, feedback.Email, feedback.Page, feedback.SentAt));
        Assert.Null(Expect.Success(ServiceFeedback.Send("Fine", "  ", null, Moments.Now)).Email);
    }

    [Theory]
    [InlineData("", "", "feedback-text-required")]
    [InlineData("Fine", "not an address", "feedback-email-invalid")]
    [InlineData("Fine", "jo@@example.org", "feedback-email-invalid")]
    public void Without_text_or_with_an_address_that_is_not_one_is_refused(string text, string email, string code)
    {
        var outcome = ServiceFeedback.Send(text, email, null, Moments.Now);

        Assert.Equal([code], outcome.BrokenRules.Select(r => r.Code));
    }

    [Fact]
    public void Longer_than_the_limit_is_refused_and_every_problem_is_listed()
    {
        var outcome = ServiceFeedback.Send(new string('a', ServiceFeedback.TextMaxLength + 1), new string('b', ServiceFeedback.EmailMaxLength) + "@x", null, Moments.Now);

        Assert.Equal([FeedbackRules.TextTooLong, FeedbackRules.EmailTooLong], outcome.BrokenRules);
    }

    [Theory]
    [InlineData("/cycles/1/stages/co-design?x=1", "/cycles/1/stages/co-design")]
    [InlineData("https://example.org/cycles", null)]
    [InlineData("//example.org/cycles", null)]
    [InlineData("/\\example.org", null)]
    [InlineData("", null)]
    public void Keeps_only_a_path_of_this_site_as_where_it_was_sent_from(string page, string? kept)
    {
        Assert.Equal(kept, Expect.Success(ServiceFeedback.Send("Fine", "", page, Moments.Now)).Page);
    }
}
