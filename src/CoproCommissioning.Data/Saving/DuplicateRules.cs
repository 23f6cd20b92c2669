using System.Collections.Concurrent;
using CoproCommissioning.Domain;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoproCommissioning.Data.Saving;

/// <summary>
/// Unique indexes that state a domain rule ("a cycle's glossary has each term once"): the configuration that declares
/// the index names the rule beside it, so a duplicate saved by two people at once reads as that rule, once.
/// Kept out of the model's annotations so that naming a rule never changes a migration.
/// </summary>
public static class DuplicateRules
{
    private static readonly ConcurrentDictionary<string, DomainRule> Rules = new(StringComparer.Ordinal);

    public static IndexBuilder<T> StatesRule<T>(this IndexBuilder<T> index, DomainRule rule)
    {
        ArgumentNullException.ThrowIfNull(index);
        Rules[Key(index.Metadata)] = rule;
        return index;
    }

    public static DomainRule? For(IModel model, string? constraintName)
    {
        ArgumentNullException.ThrowIfNull(model);
        var index = model.GetEntityTypes().SelectMany(t => t.GetIndexes()).FirstOrDefault(i => i.GetDatabaseName() == constraintName);
        return index is not null && Rules.TryGetValue(Key(index), out var rule) ? rule : null;
    }

    private static string Key(IReadOnlyIndex index) =>
        $"{index.DeclaringEntityType.Name}({string.Join(",", index.Properties.Select(p => p.Name))})";
}
