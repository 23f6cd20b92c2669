using System.Reflection;
using CoproCommissioning.Domain;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Web.Pages.Cycles;
using FluentValidation;

namespace CoproCommissioning.Web.Tests.Pages.Cycles;

/// <summary>
/// A page's validator says only what the cycle never sees (an answer that could not be read); every other message is
/// the domain's, said once. So no validator message may say what a cycle or membership rule says.
/// </summary>
public sealed class ValidatorMessagesTests
{
    // The pages that have moved to the domain's messages; the rest of Pages/Cycles joins as it moves.
    private static readonly string[] Namespaces =
    [
        typeof(NewModel).Namespace!,
        typeof(Web.Pages.Cycles.Stages.SignOffModel).Namespace!,
        typeof(Web.Pages.Cycles.Members.IndexModel).Namespace!,
        typeof(Web.Pages.Invitations.AcceptModel).Namespace!,
        typeof(Web.Pages.MyInput.IndexModel).Namespace!,
    ];

    public static TheoryData<string> Validators => [.. ValidatorTypes().Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(Validators))]
    public void No_validator_restates_a_cycle_or_membership_rule(string validatorName)
    {
        var validator = (IValidator)Activator.CreateInstance(ValidatorTypes().Single(t => t.FullName == validatorName))!;
        var messages = validator.CreateDescriptor().Rules
            .SelectMany(rule => rule.Components)
            .Select(component => Sentence(component.GetUnformattedErrorMessage()))
            .ToList();

        Assert.All(RuleMessages(), rule => Assert.DoesNotContain(messages, message => message.Contains(rule, StringComparison.OrdinalIgnoreCase)
            || rule.Contains(message, StringComparison.OrdinalIgnoreCase)));
    }

    private static IEnumerable<Type> ValidatorTypes() =>
        typeof(NewModel).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IValidator).IsAssignableFrom(t) && Namespaces.Contains(t.Namespace))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static IEnumerable<string> RuleMessages() =>
        new[] { typeof(CycleRules), typeof(MembershipRules) }
            .SelectMany(rules => rules.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(DomainRule))
            .Select(f => Sentence(((DomainRule)f.GetValue(null)!).Message));

    private static string Sentence(string message) => message.Trim().TrimEnd('.');
}
