using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Domain.Tests.NeedsAssessment;

public sealed class EvidenceItemTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    public static TheoryData<CycleRole> EveryoneButStaff =>
        [.. People.RolesOtherThan(CycleRole.Commissioner, CycleRole.CoProductionChampion)];

    [Fact]
    public void Records_evidence_with_its_source_kind_summary_and_link()
    {
        var cycle = ACycle.New().Build();

        var evidence = Expect.Success(EvidenceItem.Add(cycle, "  Harbourside JSNA 2025  ", EvidenceKind.Jsna,
            " 1 in 6 adults has a common mental health problem. ", " https://www.harbourside.gov.uk/jsna ",
            People.Champion, CycleRole.CoProductionChampion, Now));

        Assert.NotEqual(Guid.Empty, evidence.Id);
        Assert.Equal(cycle.Id, evidence.CycleId);
        Assert.Equal("Harbourside JSNA 2025", evidence.Source);
        Assert.Equal(EvidenceKind.Jsna, evidence.Kind);
        Assert.Equal("1 in 6 adults has a common mental health problem.", evidence.Summary);
        Assert.Equal("https://www.harbourside.gov.uk/jsna", evidence.Link);
        Assert.Equal(People.Champion, evidence.AddedByUserId);
        Assert.Equal(Now, evidence.AddedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Keeps_no_link_when_none_is_given(string? link)
    {
        var evidence = Expect.Success(Add(ACycle.New().Build(), link: link));

        Assert.Null(evidence.Link);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://files.example.org/report.pdf")]
    [InlineData("www.harbourside.gov.uk/jsna")]
    [InlineData("/relative/path")]
    [InlineData("http://")]
    public void Refuses_a_link_that_is_not_a_web_address(string link)
    {
        var outcome = Add(ACycle.New().Build(), link: link);

        Assert.Equal([NeedsAssessmentRules.EvidenceLinkInvalid], outcome.BrokenRules);
        Assert.False(EvidenceItem.IsAllowedLink(link));
    }

    [Theory]
    [InlineData("http://example.org")]
    [InlineData("https://fingertips.phe.org.uk/profile-group/mental-health")]
    public void Accepts_http_and_https_links(string link)
    {
        Assert.True(Add(ACycle.New().Build(), link: link).Succeeded);
        Assert.True(EvidenceItem.IsAllowedLink(link));
    }

    [Fact]
    public void Refuses_blank_source_and_summary_together()
    {
        var outcome = Add(ACycle.New().Build(), source: " ", summary: null);

        Assert.Equal([NeedsAssessmentRules.EvidenceSourceRequired, NeedsAssessmentRules.EvidenceSummaryRequired], outcome.BrokenRules);
    }

    [Fact]
    public void Refuses_text_longer_than_the_limits()
    {
        var outcome = Add(
            ACycle.New().Build(),
            source: new string('s', EvidenceItem.SourceMaxLength + 1),
            summary: new string('s', EvidenceItem.SummaryMaxLength + 1),
            link: "https://example.org/" + new string('a', EvidenceItem.LinkMaxLength));

        Assert.Equal(
            [NeedsAssessmentRules.EvidenceSourceTooLong, NeedsAssessmentRules.EvidenceSummaryTooLong, NeedsAssessmentRules.EvidenceLinkTooLong],
            outcome.BrokenRules);
    }

    [Theory]
    [MemberData(nameof(EveryoneButStaff))]
    public void Is_added_only_by_a_commissioner_or_the_champion(CycleRole role)
    {
        var outcome = Add(ACycle.New().Build(), role: role);

        Assert.Equal([NeedsAssessmentRules.StaffOnly], outcome.BrokenRules);
    }

    [Fact]
    public void Is_refused_once_needs_assessment_is_signed_off()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();

        var outcome = Add(cycle);

        Assert.Equal([CycleRules.StageSignedOff], outcome.BrokenRules);
    }

    [Fact]
    public void Can_be_recorded_as_gathered_before_the_sign_off()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();
        var signedOffAt = cycle.StageOf(StageKind.NeedsAssessment).History.Single().At;

        var outcome = Add(cycle, at: signedOffAt.AddMinutes(-1));

        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public void Is_accepted_again_after_needs_assessment_is_reopened()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();
        Expect.Success(cycle.Reopen(StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, "New JSNA published", Now.AddMinutes(-5)));

        Assert.True(Add(cycle).Succeeded);
    }

    [Fact]
    public void Is_revised_with_the_same_rules()
    {
        var cycle = ACycle.New().Build();
        var evidence = Expect.Success(Add(cycle));

        var refused = evidence.Revise(cycle, "", EvidenceKind.Survey, "Survey", "mailto:someone@example.org", CycleRole.Commissioner, Now);
        Assert.Equal([NeedsAssessmentRules.EvidenceSourceRequired, NeedsAssessmentRules.EvidenceLinkInvalid], refused.BrokenRules);
        Assert.Equal("Harbourside JSNA 2025", evidence.Source);

        Expect.Success(evidence.Revise(cycle, "Harbourside wellbeing survey 2025", EvidenceKind.Survey, "412 replies.", null,
            CycleRole.Commissioner, Now));
        Assert.Equal("Harbourside wellbeing survey 2025", evidence.Source);
        Assert.Equal(EvidenceKind.Survey, evidence.Kind);
        Assert.Null(evidence.Link);
    }

    [Fact]
    public void Cannot_be_revised_against_another_cycle()
    {
        var evidence = Expect.Success(Add(ACycle.New().Build()));

        Assert.Throws<ArgumentException>(() =>
            evidence.Revise(ACycle.New().Build(), "Source", EvidenceKind.Jsna, "Summary", null, CycleRole.Commissioner, Now));
    }

    [Fact]
    public void Refuses_a_time_that_is_not_utc()
    {
        Assert.Throws<ArgumentException>(() => Add(ACycle.New().Build(), at: Moments.NotUtc));
    }

    private static DomainOutcome<EvidenceItem> Add(
        CommissioningCycle cycle,
        string? source = "Harbourside JSNA 2025",
        string? summary = "Rates of severe mental illness are twice the national average in the docks wards.",
        string? link = null,
        CycleRole role = CycleRole.Commissioner,
        DateTimeOffset? at = null) =>
        EvidenceItem.Add(cycle, source, EvidenceKind.Jsna, summary, link, People.Commissioner, role, at ?? Now);
}
