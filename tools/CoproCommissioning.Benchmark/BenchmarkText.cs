namespace CoproCommissioning.Benchmark;

/// <summary>Plausible, repeatable text of realistic lengths: the same seed gives the same data set.</summary>
public sealed class BenchmarkText(int seed)
{
    private static readonly string[] Topics =
    [
        "support after leaving hospital", "peer support workers", "evening and weekend cover", "waiting times for a first appointment",
        "help with housing and benefits", "physical health checks", "one named worker", "transport to appointments",
        "care plans that follow the person", "support for carers", "crisis support at night", "easy-read information",
        "appointments outside working hours", "being listened to in ward rounds", "groups run by people with lived experience",
        "help with money and debt", "support into work and volunteering", "interpreters and translated leaflets",
    ];

    private static readonly string[] Sentences =
    [
        "People told us this matters more than almost anything else.",
        "When it was missing, things got worse quickly and people ended up back in hospital.",
        "Several people said they had to repeat their story every time they met someone new.",
        "Carers said they were not told what was happening and found out too late.",
        "The people we spoke to at the workshop agreed this should be part of the new service.",
        "It would help if the service kept in touch after the first few weeks, not only at the start.",
        "Some people said they could not use online forms and needed someone to phone them.",
        "Staff said the current arrangements make it hard to keep the same worker for long.",
        "This came up at every meeting we held in the north of the borough.",
        "People asked for this to be written into the specification and checked during monitoring.",
    ];

    private readonly Random _random = new(seed);

    public string Topic() => Topics[_random.Next(Topics.Length)];

    public string Summary(string lead) => Truncate($"{lead}: {Topic()}", Contribution.SummaryMaxLength);

    /// <summary>Three to six sentences, a few hundred characters, as people write them.</summary>
    public string Body() => string.Join(" ", Enumerable.Range(0, _random.Next(3, 7)).Select(_ => Sentences[_random.Next(Sentences.Length)]));

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
