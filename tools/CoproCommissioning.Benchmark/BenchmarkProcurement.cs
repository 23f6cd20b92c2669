using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Benchmark;

/// <summary>What scripts/bench.sh needs to address the procurement cycle's scoring and moderation pages.</summary>
public sealed record ProcurementCycle(
    Guid CycleId, Guid ScoredBidId, Person Evaluator, int Bids, int Criteria, int Evaluators, int Scores, int Moderated);

/// <summary>
/// One of the benchmark's cycles at procurement, built only through the domain's own methods like the rest of the data
/// set: the earlier stages signed off with the panel's input answered and an approved specification; the Provider
/// Selection Regime's Competitive Process; the starting set of criteria (a co-production criterion among them, weighted
/// to 100%) and pass/fail criteria up to <see cref="BenchmarkScale.Criteria"/>; a panel of the commissioner and the
/// champion as officers and lived-experience evaluators, each trained, each declaration accepted; bidding opened, a bid
/// from each bidding organisation before the deadline, then the deadline passed; every evaluator scoring every
/// criterion of every bid, with a comment, and submitting; the unanimous scores agreed and the spreads of the first
/// third of the bids moderated, the rest still to moderate. The seeder moves its own clock past the deadline, so the
/// app, on the real clock, finds the bids open to the panel.
/// </summary>
public sealed class BenchmarkProcurement(CoproDbContext db, BenchmarkScale scale, BenchmarkCast cast, BenchmarkText text, DateTimeOffset now)
{
    // Months before the real clock, so the deadline has passed when the app reads the procurement.
    private DateTimeOffset _at = now.AddDays(-200);

    private string Commissioner => cast.Commissioner.Id;

    public async Task<ProcurementCycle> SeedAsync(Action<string> progress, CancellationToken ct)
    {
        var cycle = Must.Succeed(CommissioningCycle.Create(
            "Benchmark: crisis café procurement, Bench borough",
            "Crisis care",
            "Adults in Bench borough in a mental health crisis or close to one, in the evening and at night.",
            900_000m,
            DateOnly.FromDateTime(_at.UtcDateTime),
            "Bench Integrated Care Board",
            Commissioner,
            Step()));
        Must.Succeed(cycle.SetChampion(cast.Champion.Id, CycleRole.Commissioner, Step()));
        var panel = cast.Evaluators(scale.Evaluators - 2);
        foreach (var person in (Person[])[cast.Commissioner, cast.Champion, .. panel, .. cast.Bidders])
        {
            db.Memberships.Add(Must.Succeed(CycleMembership.Create(cycle.Id, person.Id, person.Role, person.PanelVoice, person.Organisation, Commissioner, Step())));
        }

        var shapedBy = AddEarlierStages(cycle, panel);
        var specification = AddSpecification(cycle, panel);
        var procurement = AddProcurement(cycle, specification, shapedBy);
        var evaluators = AddPanel(cycle, procurement, panel);
        var bids = AddBids(cycle, procurement);
        var scorecards = Score(cycle, procurement, evaluators, bids);
        int moderated = Moderate(cycle, procurement, bids, scorecards);

        db.Cycles.Add(cycle);
        db.Specifications.Add(specification);
        db.Procurements.Add(procurement);
        db.Bids.AddRange(bids);
        db.Scorecards.AddRange(scorecards);
        int scores = scorecards.Sum(s => s.Scores.Count);
        progress($"procurement cycle built: {bids.Count} bids, {procurement.Criteria.Count} criteria, {evaluators.Count} evaluators, {scores} scores, {moderated} moderated; saving");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        progress("procurement cycle saved");

        // The evaluator whose pages are measured: a lived-experience evaluator, and the bid they scored first.
        var measured = panel[0];
        return new ProcurementCycle(cycle.Id, bids[0].Id, measured, bids.Count, procurement.Criteria.Count, evaluators.Count, scores, moderated);
    }

    /// <summary>
    /// Needs assessment and co-design, each with the panel's input answered and a co-produced decision it shaped, signed
    /// off. Returns the lived-experience input, for the co-production criterion to cite.
    /// </summary>
    private List<Contribution> AddEarlierStages(CommissioningCycle cycle, IReadOnlyList<Person> panel)
    {
        List<Contribution> livedExperience = [];
        foreach (var stage in (StageKind[])[StageKind.NeedsAssessment, StageKind.CoDesign])
        {
            List<Contribution> input =
            [
                .. panel.Take(3).Select(person => Must.Succeed(cycle.AddContribution(stage, person.Id, person.Role, person.PanelVoice ?? Voice.LivedExperience,
                    Channel.Online, ContributionVisibility.Everyone, text.Summary("What I want from a crisis café"), text.Body(), Step()))),
                Must.Succeed(cycle.LogContributionOnBehalf(stage, cast.Champion.Id, CycleRole.CoProductionChampion, null, 6, Voice.LivedExperience,
                    Channel.Workshop, ContributionVisibility.Everyone, text.Summary("Logged from a drop-in"), text.Body(), Step())),
            ];
            foreach (var contribution in input)
            {
                Must.Succeed(cycle.Respond(contribution.Id, Commissioner, CycleRole.Commissioner, ResponseType.Adopted,
                    $"The panel agreed this. {text.Body()}", Step()));
            }

            Must.Succeed(cycle.RecordDecision(stage, new DecisionDetails(
                $"Agreed with the panel: {text.Topic()}", text.Body(), DecisionMode.CoProduced, "", CoProductionLadderRung.CoProduction, Step(),
                Participants(panel), [.. input.Select(i => new DecisionInfluence(i.Id, $"Shaped by: {i.Summary}"))]), Commissioner, CycleRole.Commissioner, Step()));
            Must.Succeed(cycle.SignOff(stage, Commissioner, CycleRole.Commissioner, "Agreed with the panel; every piece of input has been answered.", Step()));
            livedExperience.AddRange(input);
        }

        return livedExperience;
    }

    /// <summary>A specification the panel commented on, changed by their comments, approved and signed off.</summary>
    private ServiceSpecification AddSpecification(CommissioningCycle cycle, IReadOnlyList<Person> panel)
    {
        var sections = Enumerable.Range(1, 4)
            .Select(i => new SectionDraft(Guid.CreateVersion7(), $"{i}. {text.Topic()}", string.Join("\n\n", text.Body(), text.Body()), $"In short: section {i}"))
            .ToList();
        var levels = new RatingLevels("Few people say so.", "Some people say so.", "Most people say so.", "Most people say so and can give an example.",
            "People say so and help others to get there.");
        var specification = Must.Succeed(ServiceSpecification.Start(cycle, new VersionDraft("First draft, written from the preferred model.", sections,
            [new OutcomeDraft(Guid.CreateVersion7(), "I got through the night without going to A&E", OutcomeDomain.Safety, "What visitors say the next day.", levels)]),
            Commissioner, CycleRole.Commissioner, Step()));
        Must.Succeed(specification.OpenForComment(cycle, _at.AddDays(10), providersMayComment: false, Commissioner, CycleRole.Commissioner, Step()));
        var comments = panel.Take(2).Select((person, i) => Must.Succeed(specification.Comment(cycle, specification.Latest.SectionFor(sections[i].SectionId)!.Id,
            person.Id, person.Role, person.PanelVoice ?? Voice.LivedExperience, ContributionVisibility.Everyone, text.Summary("On version 1"), text.Body(), Step())))
            .ToList();
        Must.Succeed(specification.CloseComments(cycle, Commissioner, CycleRole.Commissioner, Step()));
        var draft = specification.Latest.ToDraft();
        Must.Succeed(specification.SaveVersion(cycle, 1, draft with
        {
            ChangeSummary = "Version 2: changed by the panel's comments.",
            Sections = [.. draft.Sections.Select((s, i) => i < comments.Count
                ? s with { Body = $"{s.Body}\n\nChanged after the panel's comment.", Answers = [new AnsweredComment(comments[i].Id, ResponseType.Adopted)] }
                : s)],
        }, Commissioner, CycleRole.Commissioner, Step()));
        Must.Succeed(specification.Approve(cycle, 2, new ApprovalDetails(DecisionMode.CoProduced, "", CoProductionLadderRung.CoProduction, Participants(panel),
            [.. comments.Select(c => new DecisionInfluence(c.Id, "Changed the section it was about."))], "Agreed at the panel meeting."),
            Commissioner, CycleRole.Commissioner, Step()));
        Must.Succeed(cycle.SignOff(StageKind.Specification, Commissioner, CycleRole.Commissioner, "Version 2 approved with the panel.", Step(),
            ServiceSpecification.SignOffConditions(specification)));
        return specification;
    }

    /// <summary>
    /// A competitive process under the Provider Selection Regime with the starting set of criteria, the co-production
    /// criterion citing the panel's input, and pass/fail criteria up to the scale's count.
    /// </summary>
    private CycleProcurement AddProcurement(CommissioningCycle cycle, ServiceSpecification specification, List<Contribution> shapedBy)
    {
        var procurement = Must.Succeed(CycleProcurement.Start(cycle, new RouteChoice(
            ProcurementRegime.ProviderSelectionRegime,
            ProcurementRoute.CompetitiveProcess,
            new RouteQuestions(ExistingProvider: false, OnlyCapableProvider: null, UnrestrictedChoice: false, SatisfactoryAndNoConsiderableChange: null),
            "A new service with no existing provider; several local organisations said at co-design that they could run it."),
            Commissioner, CycleRole.Commissioner, Step()));
        Must.Succeed(procurement.AddStartingSet(cycle, Commissioner, CycleRole.Commissioner, Step()));
        var citations = new CriterionCitations(
            specification.Latest.Sections.Select(s => s.SectionId).ToHashSet(), shapedBy.Select(c => c.Id).ToHashSet());
        var coProduction = procurement.Criteria.Single(c => c.IsCoProduction);
        Must.Succeed(procurement.ChangeCriterion(cycle, coProduction.Id, new CriterionDraft(coProduction.Name, coProduction.Description, coProduction.Kind,
            coProduction.Weight, coProduction.KeyCriterion, coProduction.IsCoProduction, [specification.Latest.Sections[0].SectionId], [.. shapedBy.Select(c => c.Id)]),
            citations, Commissioner, CycleRole.Commissioner, Step()));
        for (int i = procurement.Criteria.Count + 1; i <= scale.Criteria; i++)
        {
            Must.Succeed(procurement.AddCriterion(cycle, new CriterionDraft($"Requirement {i}: {text.Topic()}",
                "The bidder shows the policy, registration or insurance this asks for, in force on the day the service starts.", CriterionKind.PassFail, null),
                citations, Commissioner, CycleRole.Commissioner, Step()));
        }

        return procurement;
    }

    /// <summary>The commissioner and the champion as officers, the panel members as lived-experience evaluators, all on every criterion.</summary>
    private List<Evaluator> AddPanel(CommissioningCycle cycle, CycleProcurement procurement, IReadOnlyList<Person> panel)
    {
        List<Guid> criteria = [.. procurement.Criteria.Select(c => c.Id)];
        List<Evaluator> evaluators =
        [
            Must.Succeed(procurement.AddEvaluator(cycle, Commissioner, CycleRole.Commissioner, EvaluatorRole.Officer, criteria, Commissioner, CycleRole.Commissioner, Step())),
            Must.Succeed(procurement.AddEvaluator(cycle, cast.Champion.Id, CycleRole.CoProductionChampion, EvaluatorRole.Officer, criteria, Commissioner, CycleRole.Commissioner, Step())),
            .. panel.Select(person => Must.Succeed(procurement.AddEvaluator(cycle, person.Id, person.Role, EvaluatorRole.LivedExperience, criteria,
                Commissioner, CycleRole.Commissioner, Step()))),
        ];
        foreach (var (evaluator, i) in evaluators.Select((e, i) => (e, i)))
        {
            Must.Succeed(procurement.RecordBriefing(cycle, evaluator.Id, DateOnly.FromDateTime(_at.UtcDateTime), "The co-production champion, with the ICB procurement team",
                Commissioner, CycleRole.Commissioner, Step()));
            // One evaluator in four has a minor interest to declare, agreed as no reason to stop: every evaluator still scores every bid.
            var declaration = i % 4 == 3
                ? new DeclarationDraft(true, "I volunteer at a peer support group one of the bidders runs; I am not paid by them.", ConflictAction.Continue)
                : new DeclarationDraft(false, null, null);
            Must.Succeed(procurement.Declare(cycle, evaluator.Id, declaration, evaluator.UserId, Step()));
            Must.Succeed(procurement.AcceptDeclaration(cycle, evaluator.Id, Commissioner, CycleRole.Commissioner, Step()));
        }

        return evaluators;
    }

    /// <summary>Bidding opens; each bidder writes an answer to every criterion and submits before the deadline, which then passes.</summary>
    private List<Bid> AddBids(CommissioningCycle cycle, CycleProcurement procurement)
    {
        var deadline = _at.AddDays(30);
        Must.Succeed(procurement.OpenBidding(cycle, deadline, Commissioner, CycleRole.Commissioner, Step()));
        List<Bid> bids = [];
        foreach (var bidder in cast.Bidders)
        {
            var bid = Must.Succeed(Bid.Start(cycle, procurement, bidder.Organisation, organisationHasBid: false, bidder.Id, CycleRole.Provider, Step()));
            var answers = procurement.Criteria.ToDictionary(c => c.Id, c => (string?)string.Join("\n\n", text.Body(), text.Body(), text.Body()));
            Must.Succeed(bid.Save(cycle, procurement, new BidDraft("", answers, ""), bidder.Id, CycleRole.Provider, bidder.Organisation, Step()));
            Must.Succeed(bid.Submit(cycle, procurement, bidder.Id, CycleRole.Provider, bidder.Organisation, Step()));
            bids.Add(bid);
        }

        if (_at >= deadline)
        {
            throw new InvalidOperationException("The bids took longer than the bidding window: give the seeder's procurement a longer window.");
        }

        _at = deadline.AddHours(1);
        return bids;
    }

    /// <summary>
    /// Every evaluator scores every criterion of every bid, with a comment, and submits. A bid's score on a criterion is
    /// its own quality there, moved a point up or down by some evaluators, so most criteria show a spread and a few are
    /// unanimous. Pass/fail criteria are passed by all but the odd bid.
    /// </summary>
    private List<Scorecard> Score(CommissioningCycle cycle, CycleProcurement procurement, List<Evaluator> evaluators, List<Bid> bids)
    {
        List<Scorecard> scorecards = [];
        int top = procurement.Scale.Max(l => l.Score);
        foreach (var (evaluator, e) in evaluators.Select((x, e) => (x, e)))
        {
            var scorecard = Scorecard.For(procurement, evaluator, Step());
            foreach (var (bid, criterion) in Scorecard.Assignments(procurement, evaluator, bids, _at))
            {
                int b = bids.IndexOf(bid), c = criterion.Position;
                int level = criterion.Kind == CriterionKind.PassFail
                    ? (b + c) % 13 == 0 && e % 2 == 0 ? Scorecard.Fail : Scorecard.Pass
                    : Math.Clamp(1 + ((b * 7 + c * 3) % 3) + ((b + c + e) % 5 == 0 ? 1 : 0) - ((b + e * 3 + c) % 7 == 0 ? 1 : 0), 0, top);
                Must.Succeed(scorecard.Score(cycle, procurement, bid, criterion.Id, level, text.Body(), evaluator.UserId, Step()));
            }

            Must.Succeed(scorecard.Submit(cycle, procurement, bids, evaluator.UserId, Step()));
            scorecards.Add(scorecard);
        }

        return scorecards;
    }

    /// <summary>The unanimous scores agreed in one go, then every other score of the first third of the bids moderated with the panel's reason.</summary>
    private int Moderate(CommissioningCycle cycle, CycleProcurement procurement, List<Bid> bids, List<Scorecard> scorecards)
    {
        var standings = Evaluation.Of(procurement, bids, scorecards, _at);
        int agreed = 0;
        if (standings.Any(s => s.Criteria.Any(c => c.IsUnanimous)))
        {
            agreed += Must.Succeed(procurement.AgreeUnanimousScores(cycle, standings, Commissioner, CycleRole.Commissioner, Step())).Count;
        }

        var moderatedBids = bids.Take(Math.Max(1, bids.Count / 3)).ToHashSet();
        foreach (var standing in standings.Where(s => moderatedBids.Contains(s.Bid)))
        {
            foreach (var evaluation in standing.Criteria.Where(c => procurement.FindModeration(standing.Bid.Id, c.Criterion.Id) is null))
            {
                // The panel settles on the middle of what its evaluators gave.
                var levels = evaluation.Scores.Select(s => s.Level).Order().ToList();
                Must.Succeed(procurement.Moderate(cycle, evaluation, standing.Bid, levels[levels.Count / 2],
                    $"The panel agreed this score at the moderation meeting. {text.Body()}", Commissioner, CycleRole.Commissioner, Step()));
                agreed++;
            }
        }

        return agreed;
    }

    private DecisionParticipant[] Participants(IReadOnlyList<Person> panel) =>
        [new(Commissioner, CycleRole.Commissioner), new(cast.Champion.Id, CycleRole.CoProductionChampion), .. panel.Take(2).Select(p => new DecisionParticipant(p.Id, p.Role))];

    private DateTimeOffset Step() => _at = _at.AddMinutes(1);
}
