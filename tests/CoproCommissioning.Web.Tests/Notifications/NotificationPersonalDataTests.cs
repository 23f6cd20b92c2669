using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Notifications;

/// <summary>A person's notifications are theirs: in their data download, and gone when they delete their account.</summary>
public sealed class NotificationPersonalDataTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Notifications_and_choices_are_in_the_data_download_and_deleted_with_the_account()
    {
        string userId;
        await using (var scope = fixture.Db())
        {
            var user = new AppUser { UserName = "dana@test.copro.test", Email = "dana@test.copro.test", DisplayName = "Dana" };
            Assert.True((await scope.Services.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, DemoSeeder.Password)).Succeeded);
            userId = user.Id;
            scope.Context.Notifications.Add(new Notification(userId, NotificationKind.InputAnswered, null, "We answered your input",
                "Here is our answer: visits carry on.", "/my-input", NotificationFrequency.StraightAway, DateTimeOffset.UtcNow));
            scope.Context.NotificationPreferences.Add(new NotificationPreference(userId, NotificationKind.StageSignedOff, NotificationFrequency.NotByEmail));
            await scope.Context.SaveChangesAsync(_ct);
        }

        await using (var scope = fixture.Db())
        {
            var export = await scope.Services.GetRequiredService<PersonalDataExport>().BuildAsync(userId, _ct);
            Assert.Equal("Here is our answer: visits carry on.", Assert.Single(export.NotificationsSentToYou).Text);
            Assert.Equal(new PersonalDataExport.NotificationChoiceData(NotificationKind.StageSignedOff, NotificationFrequency.NotByEmail),
                Assert.Single(export.HowYouChoseToHearAboutThings));
        }

        await using (var scope = fixture.Db())
        {
            await scope.Services.GetRequiredService<AccountPseudonymiser>().PseudonymiseAsync(userId, _ct);
        }

        await using (var scope = fixture.Db())
        {
            Assert.False(await scope.Context.Notifications.AnyAsync(n => n.UserId == userId, _ct));
            Assert.False(await scope.Context.NotificationPreferences.AnyAsync(p => p.UserId == userId, _ct));
        }
    }
}
