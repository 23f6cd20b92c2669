using System.Reflection;
using CoproCommissioning.Domain;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Pages.Cycles.Specification;
using FluentValidation;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Specification;

/// <summary>Each rule is stated once, by the domain: the specification pages' validators only say what could not be read.</summary>
public sealed class ValidatorMessageTests
{
    [Fact]
    public void No_specification_validator_restates_a_domain_rule()
    {
        var ruleMessages = new[] { typeof(SpecificationRules), typeof(CycleRules) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => f.GetValue(null))
            .OfType<DomainRule>()
            .Select(r => Normalise(r.Message))
            .ToHashSet();
        var validators = typeof(EditModel).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(EditModel).Namespace && !t.IsAbstract && typeof(IValidator).IsAssignableFrom(t))
            .Select(t => (IValidator)Activator.CreateInstance(t)!)
            .ToList();

        var messages = validators
            .SelectMany(v => v.CreateDescriptor().Rules)
            .SelectMany(r => r.Components)
            .Select(c => c.GetUnformattedErrorMessage())
            .ToList();

        Assert.NotEmpty(validators);
        Assert.DoesNotContain(messages, m => ruleMessages.Contains(Normalise(m)));
    }

    private static string Normalise(string message) => message.Trim().TrimEnd('.').ToLowerInvariant();
}
