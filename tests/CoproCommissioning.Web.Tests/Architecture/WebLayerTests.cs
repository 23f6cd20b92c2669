using System.Reflection;
using System.Text.RegularExpressions;
using CoproCommissioning.Domain;
using FluentValidation;
using FluentValidation.Validators;

namespace CoproCommissioning.Web.Tests.Architecture;

/// <summary>
/// Issue 13's promises about the Web layer, checked over every page so that a new page can't quietly break them:
/// each user-fixable rule lives once, in the domain, and pages save one way.
/// </summary>
public sealed partial class WebLayerTests
{
    private static readonly Assembly Web = typeof(Program).Assembly;

    /// <summary>Every rule the domain keeps, from every static DomainRule field of the domain assembly.</summary>
    private static IReadOnlyList<DomainRule> DomainRules() =>
        [.. typeof(DomainRule).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(DomainRule))
            .Select(f => (DomainRule)f.GetValue(null)!)];

    /// <summary>
    /// Every check of every validator of the pages backed by the domain (the account pages under Areas have no domain
    /// rules: their validators are theirs).
    /// </summary>
    private static IEnumerable<(Type Validator, string Property, Type? PropertyType, IPropertyValidator Check, string Message)> ValidatorChecks() =>
        Web.GetTypes()
            .Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition && typeof(IValidator).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Where(t => t.Namespace?.StartsWith("CoproCommissioning.Web.Pages", StringComparison.Ordinal) == true)
            .SelectMany(t =>
            {
                var validator = (IValidator)Activator.CreateInstance(t)!;
                return validator.CreateDescriptor().Rules.SelectMany(rule => rule.Components.Select(c =>
                    (t, rule.PropertyName ?? "", (rule.Member as PropertyInfo)?.PropertyType, c.Validator, c.GetUnformattedErrorMessage() ?? "")));
            });

    [Fact]
    public void The_domain_keeps_rules_to_compare_with()
    {
        Assert.True(DomainRules().Count > 50);
        Assert.NotEmpty(ValidatorChecks());
    }

    [Fact]
    public void No_validator_message_equals_or_restates_a_domain_rule()
    {
        var rules = DomainRules().Select(r => (r.Code, Words: Words(r.Message))).Where(r => r.Words.Length > 0).ToList();
        var restated = ValidatorChecks()
            .Where(c => Words(c.Message) is { Length: > 0 } words && rules.Any(r => r.Words == words || r.Words.Contains(words) || words.Contains(r.Words)))
            .Select(c => $"{c.Validator.Name}.{c.Property}: \"{c.Message}\" restates {string.Join(", ", rules.Where(r => r.Words.Contains(Words(c.Message)) || Words(c.Message).Contains(r.Words)).Select(r => r.Code))}")
            .ToList();

        Assert.True(restated.Count == 0, string.Join(Environment.NewLine, restated));
    }

    [Fact]
    public void No_validator_checks_that_text_is_present_or_short_enough_the_domain_says_that()
    {
        var textChecks = ValidatorChecks()
            // Accepting an invitation also sets up an account (name, password): those rules are the account's, not the domain's.
            .Where(c => c.Validator.Namespace?.StartsWith("CoproCommissioning.Web.Pages.Cycles", StringComparison.Ordinal) == true)
            .Where(c => c.Check is ILengthValidator || (c.PropertyType == typeof(string) && c.Check is INotEmptyValidator or INotNullValidator))
            .Select(c => $"{c.Validator.Name}.{c.Property}: {c.Check.Name}")
            .ToList();

        Assert.True(textChecks.Count == 0, string.Join(Environment.NewLine, textChecks));
    }

    [Fact]
    public void No_page_catches_a_database_exception_itself()
    {
        var catches = PageSources().Where(f => DatabaseCatch().IsMatch(f.Text)).Select(f => f.Path).ToList();

        Assert.True(catches.Count == 0, string.Join(Environment.NewLine, catches));
    }

    [Fact]
    public void No_page_maps_rule_codes_to_fields()
    {
        var maps = PageSources().Where(f => CodeToField().IsMatch(f.Text)).Select(f => f.Path).ToList();

        Assert.True(maps.Count == 0, string.Join(Environment.NewLine, maps));
    }

    [Fact]
    public void No_page_touches_a_column_to_move_a_version()
    {
        var touches = PageSources().Where(f => TouchedColumn().IsMatch(f.Text)).Select(f => f.Path).ToList();

        Assert.True(touches.Count == 0, string.Join(Environment.NewLine, touches));
    }

    /// <summary>Lower-case words only: "Enter a title." and "enter a title" say the same thing.</summary>
    private static string Words(string message) =>
        string.Join(' ', NotAWord().Replace(PlaceHolder().Replace(message.ToLowerInvariant(), " "), " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<(string Path, string Text)> PageSources()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "CoproCommissioning.Web");
        return new[] { "Pages", "Areas" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(web, folder), "*.cs", SearchOption.AllDirectories))
            .Select(path => (Path.GetRelativePath(web, path), File.ReadAllText(path)));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CoproCommissioning.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("CoproCommissioning.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"catch\s*\(\s*(Microsoft\.EntityFrameworkCore\.)?DbUpdate(Concurrency)?Exception")]
    private static partial Regex DatabaseCatch();

    [GeneratedRegex(@"\.Code\]\s*=\s*""")]
    private static partial Regex CodeToField();

    [GeneratedRegex(@"\.IsModified\s*=\s*true")]
    private static partial Regex TouchedColumn();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex PlaceHolder();

    [GeneratedRegex(@"[^a-z0-9 ]")]
    private static partial Regex NotAWord();
}
