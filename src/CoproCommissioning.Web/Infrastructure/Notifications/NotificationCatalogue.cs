using CoproCommissioning.Data.Notifications;

namespace CoproCommissioning.Web.Infrastructure.Notifications;

/// <summary>
/// The facts one event's wording may use. Each kind uses the ones it needs: a response quotes <see cref="Quote"/>,
/// a closing window names <see cref="When"/>, waiting input counts <see cref="Count"/>.
/// </summary>
public sealed record NotificationFacts(string CycleTitle, string Link)
{
    /// <summary>What it is about in a few words: a stage's name, a decision's title, a piece of input's summary.</summary>
    public string Subject { get; init; } = "";

    /// <summary>Someone's own words, quoted as they wrote them (a response's explanation).</summary>
    public string Quote { get; init; } = "";

    /// <summary>A date and time already written for people in England ("3 March 2026 at 5:00pm").</summary>
    public string When { get; init; } = "";

    public int Count { get; init; }

    /// <summary>A second version of the same thing (a revised answer).</summary>
    public bool IsRevision { get; init; }
}

/// <summary>What one person reads: a one-line title and a few sentences.</summary>
public sealed record NotificationWording(string Title, string Text);

/// <summary>Which words a person reads, from the communication preferences on their profile.</summary>
public enum NotificationWordingStyle
{
    Standard,
    PlainEnglish,
    EasyRead,
}

/// <summary>One kind of event: its name on the preferences page, who gets it, its default and its words in each style.</summary>
public sealed record NotificationKindEntry(
    NotificationKind Kind,
    string Name,
    string WhoGetsIt,
    NotificationFrequency Default,
    Func<NotificationFacts, NotificationWording> Standard,
    Func<NotificationFacts, NotificationWording> PlainEnglish,
    Func<NotificationFacts, NotificationWording> EasyRead)
{
    /// <summary>False for a kind whose email is always sent by something else (an invitation), so there is nothing to choose.</summary>
    public bool Choosable { get; init; } = true;

    public NotificationWording Words(NotificationWordingStyle style, NotificationFacts facts) => style switch
    {
        NotificationWordingStyle.EasyRead => EasyRead(facts),
        NotificationWordingStyle.PlainEnglish => PlainEnglish(facts),
        _ => Standard(facts),
    };
}

/// <summary>
/// Every kind of event in one place: a later stage adds its kind here (and raises it in <see cref="ChangeNotifications"/>
/// or <see cref="NotificationScheduler"/>) without touching how notifications are stored, chosen or sent. Easy-read words
/// use short sentences, one idea each, and no jargon (NHS England accessible information standard).
/// </summary>
public static class NotificationCatalogue
{
    public static IReadOnlyList<NotificationKindEntry> All { get; } =
    [
        new(NotificationKind.InputAnswered,
            "Your input is answered",
            "You, when someone answers input you gave or that was logged for you.",
            NotificationFrequency.StraightAway,
            f => new($"{(f.IsRevision ? "The answer to your input has changed" : "Your input has been answered")}: {f.CycleTitle}",
                $"Your input \"{f.Subject}\" in {f.CycleTitle} received a {(f.IsRevision ? "revised " : "")}response: {f.Quote}"),
            f => new($"{(f.IsRevision ? "We changed our answer" : "We answered your input")} in {f.CycleTitle}",
                $"You told us: \"{f.Subject}\". Here is our {(f.IsRevision ? "new " : "")}answer: {f.Quote}"),
            f => new($"{(f.IsRevision ? "We changed our answer to you" : "We answered you")}",
                $"You told us something. It was: \"{f.Subject}\". We read it. {(f.IsRevision ? "We have a new answer. " : "")}This is what we said: {f.Quote}")),
        new(NotificationKind.DecisionCitesInput,
            "A decision uses your input",
            "You, when a decision says your input shaped it.",
            NotificationFrequency.StraightAway,
            f => new($"A decision in {f.CycleTitle} cites your input",
                $"The decision \"{f.Subject}\" in {f.CycleTitle} records that your input shaped it."),
            f => new($"Your input helped make a decision in {f.CycleTitle}",
                $"We made a decision: \"{f.Subject}\". Your input helped shape it."),
            f => new("Your ideas helped us decide",
                $"We made a decision. It is called \"{f.Subject}\". Your ideas helped us make it. Thank you.")),
        new(NotificationKind.StageSignedOff,
            "A stage is signed off",
            "Everyone in the cycle, when a commissioner signs off a stage.",
            NotificationFrequency.DailySummary,
            f => new($"{f.Subject} signed off in {f.CycleTitle}",
                $"The commissioner signed off the {f.Subject} stage of {f.CycleTitle}."),
            f => new($"{f.Subject} is finished in {f.CycleTitle}",
                $"The {f.Subject} stage of {f.CycleTitle} is now finished and agreed."),
            f => new($"A part of the work is finished",
                $"We finished one part of the work. It is called {f.Subject}. It is part of {f.CycleTitle}.")),
        new(NotificationKind.CommentWindowOpened,
            "The specification is open for comment",
            "Panel members, and providers when they are invited, when the service specification opens for comment.",
            NotificationFrequency.StraightAway,
            f => new($"The specification for {f.CycleTitle} is open for comment",
                $"Version {f.Subject} of the service specification for {f.CycleTitle} is open for comment until {f.When}."),
            f => new($"Tell us what you think of the plan for {f.CycleTitle}",
                $"The plan for the service is ready for you to read. You can comment until {f.When}."),
            f => new("Please tell us what you think",
                $"We wrote a plan for the service. Please read it. Tell us what you think. You can do this until {f.When}.")),
        new(NotificationKind.CommentWindowClosing,
            "Comments close soon",
            "Panel members, and providers when they are invited, 2 days before comments on the specification close.",
            NotificationFrequency.StraightAway,
            f => new($"Comments on the specification for {f.CycleTitle} close soon",
                $"Comments on version {f.Subject} of the service specification for {f.CycleTitle} close at {f.When}."),
            f => new($"2 days left to comment on the plan for {f.CycleTitle}",
                $"You can comment on the plan for the service until {f.When}."),
            f => new("2 days left to tell us what you think",
                $"You can still tell us what you think of the plan. You have until {f.When}.")),
        new(NotificationKind.ScoringAssigned,
            "You are asked to score bids",
            "Evaluators, when they join the evaluation panel or are given criteria to score.",
            NotificationFrequency.StraightAway,
            f => new($"You are on the evaluation panel for {f.CycleTitle}",
                $"You have been given criteria to score in the evaluation of bids for {f.CycleTitle}. Your scoring page lists them."),
            f => new($"You will score bids for {f.CycleTitle}",
                $"You are on the panel that scores bids for {f.CycleTitle}. Your scoring page shows what you will score."),
            f => new("You will help choose the service",
                "You are on the panel. The panel gives scores to bids. Your scoring page shows what to score.")),
        new(NotificationKind.ScoringDue,
            "Scoring is due",
            "Evaluators who have not yet submitted their scores, once the bid deadline has passed.",
            NotificationFrequency.StraightAway,
            f => new($"Scoring is due for {f.CycleTitle}",
                $"The bid deadline for {f.CycleTitle} passed at {f.When}. Your scorecard has not been submitted yet."),
            f => new($"Please score the bids for {f.CycleTitle}",
                $"Bids for {f.CycleTitle} closed at {f.When}. Please score them and send your scores."),
            f => new("Please give your scores",
                $"The bids are ready to read. Please score them. Then send us your scores.")),
        new(NotificationKind.BidDeadlineApproaching,
            "The bid deadline is near",
            "Providers in the cycle whose organisation has not submitted a bid, 3 days before the deadline.",
            NotificationFrequency.StraightAway,
            f => new($"The bid deadline for {f.CycleTitle} is approaching",
                $"Bids for {f.CycleTitle} must be submitted by {f.When}. Your organisation has not submitted a bid yet."),
            f => new($"3 days left to bid for {f.CycleTitle}",
                $"Send your bid for {f.CycleTitle} by {f.When}."),
            f => new("3 days left to send your bid",
                $"You can still send a bid. You have until {f.When}.")),
        new(NotificationKind.InputAwaitingResponse,
            "Input is waiting for a response",
            "The commissioner and co-production champion, once a day while input has waited more than 7 days for a response.",
            NotificationFrequency.DailySummary,
            f => new($"{f.Count} {(f.Count == 1 ? "contribution has" : "contributions have")} waited over 7 days for a response in {f.CycleTitle}",
                $"{f.Count} {(f.Count == 1 ? "contribution" : "contributions")} in {f.CycleTitle} {(f.Count == 1 ? "has" : "have")} had no response for more than 7 days."),
            f => new($"{f.Count} {(f.Count == 1 ? "person is" : "people are")} waiting for an answer in {f.CycleTitle}",
                $"{f.Count} {(f.Count == 1 ? "piece" : "pieces")} of input in {f.CycleTitle} {(f.Count == 1 ? "has" : "have")} waited more than a week for an answer."),
            f => new("People are waiting for an answer",
                $"People told us things. {f.Count} of them have waited more than a week. Please answer them.")),
        new(NotificationKind.InvitedToCycle,
            "You are invited to a cycle",
            "A person invited to a cycle. The invitation email is always sent.",
            NotificationFrequency.StraightAway,
            f => new($"You are invited to {f.CycleTitle}", $"You have been invited to take part in {f.CycleTitle}."),
            f => new($"Join {f.CycleTitle}", $"You are invited to help plan {f.CycleTitle}."),
            f => new("You are invited", $"We want you to help us. The work is called {f.CycleTitle}."))
        {
            Choosable = false,
        },
    ];

    private static readonly Dictionary<NotificationKind, NotificationKindEntry> ByKind = All.ToDictionary(e => e.Kind);

    public static NotificationKindEntry Of(NotificationKind kind) =>
        ByKind.TryGetValue(kind, out var entry) ? entry : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Add the kind to the catalogue.");

    /// <summary>The kinds a person chooses for on the preferences page, in the catalogue's order.</summary>
    public static IReadOnlyList<NotificationKindEntry> Choosable { get; } = [.. All.Where(e => e.Choosable)];

    public static string FrequencyName(NotificationFrequency frequency) => frequency switch
    {
        NotificationFrequency.StraightAway => "Straight away",
        NotificationFrequency.DailySummary => "In a daily summary",
        NotificationFrequency.WeeklySummary => "In a weekly summary",
        NotificationFrequency.NotByEmail => "Not by email",
        _ => frequency.ToString(),
    };
}
