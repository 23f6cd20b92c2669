using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Organisations;

namespace CoproCommissioning.Domain.Tests.Organisations;

public sealed class OrganisationTests
{
    [Fact]
    public void Every_missing_answer_is_refused_at_once_each_beside_its_field()
    {
        var outcome = AnOrganisation.New().Named(" ").OfKind(null).WithContact("", "").TryCreate();

        Assert.Equal(
            [
                (OrganisationRules.NameRequired, nameof(Organisation.Name)),
                (OrganisationRules.KindRequired, nameof(Organisation.Kind)),
                (OrganisationRules.ContactNameRequired, nameof(Organisation.ContactName)),
                (OrganisationRules.ContactEmailRequired, nameof(Organisation.ContactEmail)),
            ],
            outcome.Refusals.Select(r => (r.Rule, r.Field!)));
    }

    [Fact]
    public void Too_long_answers_and_an_email_without_an_at_are_refused()
    {
        var outcome = AnOrganisation.New().Named(new string('n', Organisation.NameMaxLength + 1))
            .WithContact(new string('c', Organisation.ContactNameMaxLength + 1), "amira.example").TryCreate();

        Assert.Equal([OrganisationRules.NameTooLong, OrganisationRules.ContactNameTooLong, OrganisationRules.ContactEmailInvalid],
            outcome.Refusals.Select(r => r.Rule));
    }

    [Fact]
    public void An_added_organisation_keeps_its_answers_trimmed()
    {
        var organisation = AnOrganisation.New().Named("  Harbour Peer Support ").OfKind(OrganisationKind.UserLedOrganisation)
            .WithContact(" Jo Reid ", " jo@harbour-peer.example ").Build();

        Assert.Equal("Harbour Peer Support", organisation.Name);
        Assert.Equal(OrganisationKind.UserLedOrganisation, organisation.Kind);
        Assert.Equal("Jo Reid", organisation.ContactName);
        Assert.Equal("jo@harbour-peer.example", organisation.ContactEmail);
        Assert.False(organisation.IsRetired);
    }

    [Fact]
    public void A_refused_revision_changes_nothing()
    {
        var organisation = AnOrganisation.New().Build();

        var outcome = organisation.Revise("Harbourside ICB", OrganisationKind.LocalAuthority, "not a code", "Amira Khan", "amira@example.org");

        Assert.Equal([OrganisationRules.OdsCodeInvalid], outcome.BrokenRules);
        Assert.Equal("Harbourside Integrated Care Board", organisation.Name);
        Assert.Equal(OrganisationKind.IntegratedCareBoard, organisation.Kind);
        Assert.Equal("15N", organisation.OdsCode);
    }

    [Fact]
    public void A_revision_changes_every_answer()
    {
        var organisation = AnOrganisation.New().Build();

        Expect.Success(organisation.Revise("Harbourside Council", OrganisationKind.LocalAuthority, "", "Kit Lee", "kit@council.example"));

        Assert.Equal(("Harbourside Council", OrganisationKind.LocalAuthority, (string?)null, "Kit Lee", "kit@council.example"),
            (organisation.Name, organisation.Kind, organisation.OdsCode, organisation.ContactName, organisation.ContactEmail));
    }

    [Fact]
    public void A_retired_organisation_can_receive_no_invitation_and_is_retired_only_once()
    {
        var organisation = AnOrganisation.New().Build();
        Assert.Empty(organisation.InvitationBlockers());

        Expect.Success(organisation.Retire(Moments.Now));

        Assert.True(organisation.IsRetired);
        Assert.Equal(Moments.Now, organisation.RetiredAt);
        var blocker = Assert.Single(organisation.InvitationBlockers());
        Assert.Equal(OrganisationRules.Retired, blocker.Rule);
        Assert.Equal(nameof(Invitation.OrganisationId), blocker.Field);
        Assert.Equal([OrganisationRules.AlreadyRetired], organisation.Retire(Moments.Now.AddDays(1)).BrokenRules);
        Assert.Equal(Moments.Now, organisation.RetiredAt);
    }

    [Fact]
    public void A_kind_that_is_not_on_the_list_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AnOrganisation.New().OfKind((OrganisationKind)99).TryCreate());
}
