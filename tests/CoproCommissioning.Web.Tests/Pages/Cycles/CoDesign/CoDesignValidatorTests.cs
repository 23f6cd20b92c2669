using System.Reflection;
using CoproCommissioning.Domain;
using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.Infrastructure.Pages;
using CoproCommissioning.Web.Pages.Cycles.CoDesign.Sessions;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.CoDesign;

/// <summary>The co-design validators say only what the domain can't: an answer that can't be read, or a choice the cycle needs first.</summary>
public sealed class CoDesignValidatorTests
{
    private static readonly string[] DomainMessages = [.. MessagesOf(typeof(CoDesignRules)), .. MessagesOf(typeof(CycleRules))];

    [Fact]
    public void The_session_form_says_only_which_date_or_time_could_not_be_read()
    {
        var result = new SessionFormValidator().Validate(new SessionForm
        {
            Date = new DateParts { Day = "31", Month = "2", Year = "2026" },
            StartTime = "half ten",
            EndTime = "later",
            OtherAttendees = "a few",
        });

        Assert.Equal([nameof(SessionForm.Date), nameof(SessionForm.StartTime), nameof(SessionForm.EndTime)], result.Errors.Select(e => e.PropertyName));
        Assert.DoesNotContain(result.Errors, e => DomainMessages.Contains(e.ErrorMessage));
    }

    [Fact]
    public void An_empty_session_form_is_left_to_the_domain()
    {
        Assert.True(new SessionFormValidator().Validate(new SessionForm { OtherAttendees = "" }).IsValid);
    }

    [Fact]
    public void Logging_input_asks_only_for_a_count_it_can_read_the_cycle_judges_the_choices()
    {
        var result = new LogInputModel.InputValidator().Validate(new LogInputModel.Input { VoicesCarried = "six" });

        Assert.Equal(
            [nameof(LogInputModel.Input.VoicesCarried)],
            result.Errors.Select(e => e.PropertyName));
        Assert.DoesNotContain(result.Errors, e => DomainMessages.Contains(e.ErrorMessage));
    }

    private static IEnumerable<string> MessagesOf(Type rules) =>
        rules.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DomainRule))
            .Select(f => ((DomainRule)f.GetValue(null)!).Message);
}
