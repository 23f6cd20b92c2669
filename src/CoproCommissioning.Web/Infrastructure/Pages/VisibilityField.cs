namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>
/// The "who can see this input" question, the same wherever input is given or logged (R7). Nothing is chosen
/// until the person chooses (the cycle refuses input without a choice): when a champion logs input, they record what
/// the person said.
/// </summary>
public static class VisibilityField
{
    public static ChoiceField For(string name, ContributionVisibility? selected, bool onSomeonesBehalf) =>
        new(name, onSomeonesBehalf ? "Who did they want to see this input?" : "Who can see your input?",
        [
            new(nameof(ContributionVisibility.Everyone), "Everyone in this cycle", selected == ContributionVisibility.Everyone,
                "Panel members, carers, providers and observers in this cycle can read it."),
            new(nameof(ContributionVisibility.CommissioningTeam), "The commissioning team only", selected == ContributionVisibility.CommissioningTeam,
                "Only the commissioner, the co-production champion and clinical advisers can read it. It still counts and still gets an answer."
                + " Others only see that some input was shared with the commissioning team."),
        ])
        {
            Hint = onSomeonesBehalf
                ? "Ask the person (or the group) and choose what they said."
                : "You choose. Whatever you choose, the commissioning team reads it and tells you what happened because of it.",
            LegendClass = "nhsuk-fieldset__legend--s",
        };
}
