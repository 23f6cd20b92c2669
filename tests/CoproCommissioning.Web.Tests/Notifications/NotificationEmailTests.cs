using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Web.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Notifications;

/// <summary>The templates: the person's communication preferences choose the words and the type size.</summary>
public sealed class NotificationEmailTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly NotificationFacts Answered = new("Crisis café", "/my-input?cycle=1")
    {
        Subject = "Open at weekends",
        Quote = "We will open on Saturdays <from May> & Sundays.",
    };

    private NotificationEmails Emails => fixture.Factory.Services.GetRequiredService<NotificationEmails>();

    [Fact]
    public void An_easy_read_reader_gets_the_easy_read_words_in_both_parts_with_absolute_links()
    {
        var reader = new NotificationReader("user-1", "ann@example.test", "Ann", [CommunicationPreference.EasyRead]);
        var words = NotificationCatalogue.Of(NotificationKind.InputAnswered).Words(reader.Style, Answered);

        var email = Emails.Single(reader, NotificationKind.InputAnswered, words, Answered.Link);

        Assert.Equal("We answered you", email.Subject);
        Assert.Contains("You told us something.", email.TextBody);
        Assert.Contains("You told us something.", email.HtmlBody);
        Assert.Contains("http://localhost/my-input?cycle=1", email.TextBody);
        Assert.Contains("href=\"http://localhost/my-input?cycle=1\"", email.HtmlBody);
        Assert.Contains("href=\"http://localhost/account/notifications\"", email.HtmlBody);
        Assert.Contains("font-size:16px", email.HtmlBody);
    }

    [Fact]
    public void Large_print_sets_larger_type_and_plain_english_its_own_words_and_everything_is_encoded()
    {
        var reader = new NotificationReader("user-2", "bo@example.test", "Bo <Admin>",
            [CommunicationPreference.LargePrint, CommunicationPreference.PlainEnglish]);
        var words = NotificationCatalogue.Of(NotificationKind.InputAnswered).Words(reader.Style, Answered);

        var email = Emails.Single(reader, NotificationKind.InputAnswered, words, Answered.Link);

        Assert.Equal(NotificationWordingStyle.PlainEnglish, reader.Style);
        Assert.Equal("We answered your input in Crisis café", email.Subject);
        Assert.Contains("font-size:24px", email.HtmlBody);
        Assert.Contains("Here is our answer: We will open on Saturdays <from May> & Sundays.", email.TextBody);
        Assert.Contains("&lt;from May&gt; &amp; Sundays", email.HtmlBody);
        Assert.Contains("Bo &lt;Admin&gt;", email.HtmlBody);
        Assert.DoesNotContain("<from May>", email.HtmlBody);
    }

    [Fact]
    public void A_summary_groups_items_by_cycle_and_its_unsubscribe_token_names_every_kind_it_holds()
    {
        var reader = new NotificationReader("user-3", "cy@example.test", "Cy", []);
        var email = Emails.Summary(reader, NotificationFrequency.DailySummary,
        [
            new(Guid.NewGuid(), "Zebra crossing", NotificationKind.StageSignedOff, "Needs assessment signed off", "Signed off.", "/cycles/1"),
            new(Guid.NewGuid(), "Crisis café", NotificationKind.InputAnswered, "Your input has been answered", "Answered.", "/my-input"),
        ]);

        Assert.Equal("Daily summary", email.Purpose);
        Assert.True(email.TextBody.IndexOf("Crisis café", StringComparison.Ordinal) < email.TextBody.IndexOf("Zebra crossing", StringComparison.Ordinal));
        Assert.Contains("<h2 style=\"font-size:1.25em\">Crisis café</h2>", email.HtmlBody);
        var token = email.Headers!["List-Unsubscribe"].Trim('<', '>').Split("/unsubscribe/")[1];
        var request = fixture.Factory.Services.GetRequiredService<UnsubscribeTokens>().Read(token);
        Assert.Equal([NotificationKind.InputAnswered, NotificationKind.StageSignedOff], request!.Kinds.Order());
        Assert.Equal("user-3", request.UserId);
    }
}
