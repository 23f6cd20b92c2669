using CoproCommissioning.Data.Auditing;
using CoproCommissioning.Domain.Cycles;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoproCommissioning.Web.Tests.Data;

/// <summary>
/// The audit trail is append-only, so whatever it records word for word can never be taken out of it again, even when
/// the person it is about deletes their account. Every text field of the domain is therefore either personal text,
/// which the audit records only as "changed", or listed here as reviewed: it cannot say anything about a person.
/// A new text field fails the first test until someone makes that choice.
/// </summary>
public sealed class PersonalTextTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string AccountId =
        "an account's id: who did what is what the audit is for; the name and address live only on the account, which deletion pseudonymises";

    private const string CycleDescription =
        "the commissioning body describing the service it is buying, for everyone in the cycle; the audit shows how it changed";

    private const string ContractTerm = "a KPI or commitment of the contract, agreed with the providers and published with it";

    private static readonly Dictionary<string, string> NotPersonal = new()
    {
        ["CommissioningCycle.Title"] = CycleDescription,
        ["CommissioningCycle.ServiceArea"] = CycleDescription,
        ["CommissioningCycle.PopulationServed"] = CycleDescription + " (a population, never a person)",
        ["CommissioningCycle.CommissioningOrganisation"] = "the name of an NHS body or council",
        ["CommissioningCycle.ChampionUserId"] = AccountId,
        ["CommissioningCycle.CreatedByUserId"] = AccountId,
        ["Contribution.AuthorUserId"] = AccountId,
        ["Contribution.RecordedByUserId"] = AccountId,
        ["Response.RespondedByUserId"] = AccountId,
        ["Decision.RecordedByUserId"] = AccountId,
        ["Decision.LastRevisedByUserId"] = AccountId,
        ["DecisionParticipant.UserId"] = AccountId,
        ["StageEvent.ByUserId"] = AccountId,
        ["CycleEvent.ByUserId"] = AccountId,
        ["CycleMembership.UserId"] = AccountId,
        ["CycleMembership.AddedByUserId"] = AccountId,
        ["Invitation.InvitedByUserId"] = AccountId,
        ["Invitation.AcceptedByUserId"] = AccountId,
        ["Invitation.TokenHash"] = "a SHA-256 hash of a random token: it says nothing about anyone and cannot be turned back into the link",
        ["Organisation.Name"] = "the name of an organisation (a provider, a council), not of a person",
        ["Organisation.OdsCode"] = "the NHS Organisation Data Service code of an organisation, published by NHS England",
        ["EvidenceItem.AddedByUserId"] = AccountId,
        ["IdentifiedNeed.RecordedByUserId"] = AccountId,
        ["InequalityGroup.RecordedByUserId"] = AccountId,
        ["CoDesignSession.RecordedByUserId"] = AccountId,
        ["SessionAttendee.UserId"] = AccountId,
        ["ProviderProposal.SubmittedByUserId"] = AccountId,
        ["CycleProcurement.CreatedByUserId"] = AccountId,
        ["CycleProcurement.RouteChosenByUserId"] = AccountId,
        ["CycleProcurement.ConflictsAssessedByUserId"] = AccountId,
        ["Evaluator.UserId"] = AccountId,
        ["Evaluator.AddedByUserId"] = AccountId,
        ["Evaluator.DeclarationAcceptedByUserId"] = AccountId,
        ["EvaluationCriterion.Name"] = "an evaluation criterion, published to every provider that bids",
        ["EvaluationCriterion.Description"] = "what evaluators look for in a bid, published to every provider that bids",
        ["ScoreLevel.Description"] = "what a score means, published to every provider that bids",
        ["ProviderProposal.LastChangedByUserId"] = AccountId,
        ["Bid.StartedByUserId"] = AccountId,
        ["Bid.LastChangedByUserId"] = AccountId,
        ["Bid.SubmittedByUserId"] = AccountId,
        ["Bid.Partners"] = "the names of the organisations bidding together with the lead provider",
        ["CycleProcurement.AwardRecordedByUserId"] = AccountId,
        ["ModeratedScore.ModeratedByUserId"] = AccountId,
        ["Representation.From"] = "the provider organisation that made representations, as it named itself",
        ["Representation.LoggedByUserId"] = AccountId,
        ["Representation.AnsweredByUserId"] = AccountId,
        ["Scorecard.UserId"] = AccountId,
        ["ServiceSpecification.CreatedByUserId"] = AccountId,
        ["SpecificationVersion.SavedByUserId"] = AccountId,
        ["SectionSnapshot.Title"] = "a heading of the service specification (\"Opening hours\"), a public document",
        ["CommentWindow.OpenedByUserId"] = AccountId,
        ["CommentWindow.ClosedEarlyByUserId"] = AccountId,
        ["GlossaryTerm.Term"] = "a word or phrase of the specification that needs explaining (\"care coordinator\"); its meaning is personal text",
        ["GlossaryTerm.ProposedByUserId"] = AccountId,
        ["GlossaryTerm.AgreedByUserId"] = AccountId,
        ["GlossaryTerm.LastChangedByUserId"] = AccountId,
        ["ServiceFeedback.Page"] = "a path of this site (\"/cycles\"), checked to be one when the feedback is sent; the feedback's text and address are personal",
        ["CycleMonitoring.CreatedByUserId"] = AccountId,
        ["CycleMonitoring.ExtensionOptions"] = "a term of the contract (\"up to 2 further years\"), published with the award",
        ["Kpi.Name"] = ContractTerm,
        ["Kpi.Definition"] = ContractTerm,
        ["Kpi.Unit"] = ContractTerm,
        ["Kpi.DataSource"] = ContractTerm,
        ["CommitmentResult.RecordedByUserId"] = AccountId,
        ["ReturnExplanation.RecordedByUserId"] = AccountId,
        ["Review.RecordedByUserId"] = AccountId,
        ["Review.DecidedByUserId"] = AccountId,
        ["ReturnRevision.StartedByUserId"] = AccountId,
        ["ReturnRevision.LastSavedByUserId"] = AccountId,
        ["ReturnRevision.SubmittedByUserId"] = AccountId,
        ["PanelRating.MemberUserId"] = AccountId,
        ["PanelRating.RecordedByUserId"] = AccountId,
        ["PanelRating.LastChangedByUserId"] = AccountId,
        ["AllianceLeadershipTeam.CreatedByUserId"] = AccountId,
        ["AllianceMember.UserId"] = AccountId,
        ["AllianceMember.AddedByUserId"] = AccountId,
        ["AllianceDecision.ProposedByUserId"] = AccountId,
        ["AllianceVote.RecordedByUserId"] = AccountId,
        ["AllianceRisk.AddedByUserId"] = AccountId,
        ["AllianceRisk.LastReviewedByUserId"] = AccountId,
        ["AllianceDispute.RaisedByUserId"] = AccountId,
        ["AllianceDispute.ResolvedByUserId"] = AccountId,
        ["AllianceHealthRating.RatedByUserId"] = AccountId,
        ["Lesson.RecordedByUserId"] = AccountId,
        ["Lesson.LastChangedByUserId"] = AccountId,
        ["CarriedEvidence.CarriedByUserId"] = AccountId,
    };

    [Fact]
    public async Task Every_text_field_of_the_domain_is_personal_text_or_reviewed_as_not_personal()
    {
        var fields = await TextFieldsAsync();

        var unreviewed = fields.Where(f => !f.IsPersonal && !NotPersonal.ContainsKey(f.Name)).Select(f => f.Where).Order().ToList();

        Assert.True(unreviewed.Count == 0,
            "Mark these IsPersonalText() in their configuration, or add them to NotPersonal with the reason they can't say " +
            $"anything about a person:{Environment.NewLine}{string.Join(Environment.NewLine, unreviewed)}");
    }

    [Fact]
    public async Task The_reviewed_list_names_only_text_fields_that_exist_and_are_not_marked_personal()
    {
        var fields = await TextFieldsAsync();

        var stale = NotPersonal.Keys.Where(name => !fields.Any(f => f.Name == name && !f.IsPersonal)).Order().ToList();

        Assert.True(stale.Count == 0, $"Remove these from NotPersonal:{Environment.NewLine}{string.Join(Environment.NewLine, stale)}");
    }

    [Fact]
    public async Task The_check_reaches_owned_types_complex_properties_and_every_kind_of_text()
    {
        var fields = await TextFieldsAsync();

        Assert.Contains(fields, f => f.Where == "SectionSnapshot.Answers#AnsweredComment.Note" && f.IsPersonal);
        Assert.Contains(fields, f => f.Where == "OutcomeSnapshot.Answers#AnsweredComment.Note" && f.IsPersonal);
        // Shared by decisions and reviews, so EF names each owner.
        Assert.Contains(fields, f => f.Where == "Decision.Participants#DecisionParticipant.UserId");
        Assert.Contains(fields, f => f.Where == "Review.Participants#DecisionParticipant.UserId");
        Assert.Contains(fields, f => f.Where == "OutcomeSnapshot.Levels.Poor");
        Assert.Contains(fields, f => f.Name == "EvidenceItem.Link");
        Assert.Contains(fields, f => f.Name == "Invitation.TokenHash");
        // Enums hold only their own names, even when stored as text or as an array of it.
        Assert.DoesNotContain(fields, f => f.Name is "Contribution.Voice" or "CoDesignSession.AccessArrangements");
    }

    private sealed record TextField(string Name, string Where, bool IsPersonal);

    private async Task<IReadOnlyList<TextField>> TextFieldsAsync()
    {
        await using var scope = fixture.Db();
        var domain = typeof(CommissioningCycle).Assembly;
        // Owned types are entity types of their own in EF's model; complex types hang off the entity that holds them.
        var fields = scope.Context.Model.GetEntityTypes()
            .Where(e => e.ClrType.Assembly == domain)
            .SelectMany(e => TextFieldsOf(e, e.DisplayName()))
            .ToList();
        Assert.NotEmpty(fields);
        return fields;
    }

    private static IEnumerable<TextField> TextFieldsOf(ITypeBase type, string where) =>
        type.GetDeclaredProperties()
            .Where(HoldsText)
            .Select(p => new TextField($"{type.ClrType.Name}.{p.Name}", $"{where}.{p.Name}", p.IsPersonalText()))
            .Concat(type.GetDeclaredComplexProperties().SelectMany(c => TextFieldsOf(c.ComplexType, $"{where}.{c.Name}")));

    // Text is whatever is stored as a string: a string, a collection of strings, or a value converted to one.
    private static bool HoldsText(IProperty property) =>
        property.GetElementType() is { } element
            ? IsText(element.ClrType, element.GetTypeMapping().Converter?.ProviderClrType)
            : IsText(property.ClrType, property.GetTypeMapping().Converter?.ProviderClrType);

    private static bool IsText(Type type, Type? storedAs)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return !underlying.IsEnum && (underlying == typeof(string) || storedAs == typeof(string));
    }
}
