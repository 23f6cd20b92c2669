using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Benchmark;

/// <summary>What scripts/bench.sh needs to address the monitoring cycle's pages.</summary>
public sealed record MonitoringCycle(Guid CycleId, Guid ReviewId, int Periods, int Providers, int Returns, int Ratings);

/// <summary>
/// One of the benchmark's cycles in monitoring, built only through the domain's own methods like the rest of the data
/// set: the earlier stages signed off with the panel's input answered, a specification of two outcomes approved, an
/// alliance of three bidders' organisations awarded, and the contract made from it, reported quarterly over two years
/// (eight periods, all of them over by the real clock). Each provider submits a return for every period, rating both
/// outcomes and reporting the KPI; panel members rate every period, <see cref="BenchmarkScale.PanelRatings"/> ratings in
/// all; a review of the last two periods ends in a decision to continue the contract.
/// </summary>
public sealed class BenchmarkMonitoring(CoproDbContext db, BenchmarkScale scale, BenchmarkCast cast, BenchmarkText text, DateTimeOffset now)
{
    private const int Quarters = 8;

    private static readonly RatingLevel[] Levels = Enum.GetValues<RatingLevel>();

    // Over two and a half years before the real clock, so the contract's eight quarters are all over when the app reads them.
    private DateTimeOffset _at = now.AddDays(-1000);

    private string Commissioner => cast.Commissioner.Id;

    public async Task<MonitoringCycle> SeedAsync(Action<string> progress, CancellationToken ct)
    {
        var cycle = Must.Succeed(CommissioningCycle.Create(
            "Benchmark: crisis alliance, Bench borough",
            "Crisis care",
            "Adults in Bench borough in a mental health crisis, and the people close to them.",
            3_000_000m,
            DateOnly.FromDateTime(_at.UtcDateTime),
            "Bench Integrated Care Board",
            Commissioner,
            Step()));
        Must.Succeed(cycle.SetChampion(cast.Champion.Id, CycleRole.Commissioner, Step()));
        int raters = (scale.PanelRatings + Quarters - 1) / Quarters;
        var panel = cast.Panel.Skip(1).Take(raters).ToList();
        var providers = cast.Bidders.Take(3).ToList();
        foreach (var person in (Person[])[cast.Commissioner, cast.Champion, .. panel, .. providers])
        {
            db.Memberships.Add(Must.Succeed(CycleMembership.Create(cycle.Id, person.Id, person.Role, person.PanelVoice, person.Organisation, Commissioner, Step())));
        }

        SignOffWithThePanel(cycle, StageKind.NeedsAssessment, panel, []);
        SignOffWithThePanel(cycle, StageKind.CoDesign, panel, []);
        var specification = AddSpecification(cycle, panel);
        var procurement = AddAward(cycle, panel, providers);
        var monitoring = AddContract(cycle, procurement, specification);
        var (returns, ratings) = AddQuarters(cycle, monitoring, panel, providers);
        var review = AddReview(cycle, monitoring, panel, providers, returns, ratings);

        db.Cycles.Add(cycle);
        db.Specifications.Add(specification);
        db.Procurements.Add(procurement);
        db.Monitorings.Add(monitoring);
        db.ProviderReturns.AddRange(returns);
        db.PanelRatings.AddRange(ratings);
        progress($"monitoring cycle built: {monitoring.Periods.Count} periods, {returns.Count} returns from {providers.Count} providers, {ratings.Count} panel ratings, a review; saving");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        progress("monitoring cycle saved");
        return new MonitoringCycle(cycle.Id, review.Id, monitoring.Periods.Count, providers.Count, returns.Count, ratings.Count);
    }

    /// <summary>Lived-experience input to the stage, answered, then the stage signed off with its own conditions.</summary>
    private void SignOffWithThePanel(CommissioningCycle cycle, StageKind stage, IReadOnlyList<Person> panel, IReadOnlyCollection<Refusal> conditions)
    {
        foreach (var person in panel.Take(2))
        {
            var input = Must.Succeed(cycle.AddContribution(stage, person.Id, person.Role, person.PanelVoice ?? Voice.LivedExperience, Channel.Online,
                ContributionVisibility.Everyone, text.Summary("What I need in a crisis"), text.Body(), Step()));
            Must.Succeed(cycle.Respond(input.Id, Commissioner, CycleRole.Commissioner, ResponseType.Adopted, $"The panel agreed this. {text.Body()}", Step()));
        }

        Must.Succeed(cycle.SignOff(stage, Commissioner, CycleRole.Commissioner, "Agreed with the panel; every piece of input has been answered.", Step(),
            stageConditions: conditions));
    }

    /// <summary>A specification of one section and two outcomes, approved with the panel and signed off.</summary>
    private ServiceSpecification AddSpecification(CommissioningCycle cycle, IReadOnlyList<Person> panel)
    {
        var levels = new RatingLevels("Few people say so.", "Some people say so.", "Most people say so.", "Most people say so and can give an example.",
            "People say so and help others to get there.");
        var specification = Must.Succeed(ServiceSpecification.Start(cycle, new VersionDraft("Written with the panel.",
            [new SectionDraft(Guid.CreateVersion7(), "Who the service is for", text.Body(), "Adults in crisis and the people close to them.")],
            [
                new OutcomeDraft(Guid.CreateVersion7(), "I can get help before I reach crisis", OutcomeDomain.MentalWellbeing, "What people say at follow-up.", levels),
                new OutcomeDraft(Guid.CreateVersion7(), "I had a say in my plan for leaving", OutcomeDomain.Safety, "What guests say when they leave.", levels),
            ]),
            Commissioner, CycleRole.Commissioner, Step()));
        Must.Succeed(specification.Approve(cycle, 1, new ApprovalDetails(DecisionMode.CommissionerLed, "Approved at the panel meeting, as the panel agreed.",
            CoProductionLadderRung.Engagement, Participants(panel), [], "Agreed at the panel meeting."), Commissioner, CycleRole.Commissioner, Step()));
        SignOffWithThePanel(cycle, StageKind.Specification, panel, ServiceSpecification.SignOffConditions(specification));
        return specification;
    }

    /// <summary>An alliance agreement with three providers, awarded by a decision in the procurement stage, which is then signed off.</summary>
    private CycleProcurement AddAward(CommissioningCycle cycle, IReadOnlyList<Person> panel, IReadOnlyList<Person> providers)
    {
        var procurement = Must.Succeed(CycleProcurement.Start(cycle, new RouteChoice(
            ProcurementRegime.AllianceAgreement, ProcurementRoute.AllianceOfExistingProviders, RouteQuestions.Unanswered,
            "The three providers already run crisis care in Bench borough together and share its outcomes."),
            Commissioner, CycleRole.Commissioner, Step()));
        var award = Must.Succeed(cycle.RecordDecision(StageKind.Procurement, new DecisionDetails(
            "Alliance agreement with the three providers", text.Body(), DecisionMode.CommissionerLed, "Procurement law sets how the award is made.",
            CoProductionLadderRung.Engagement, Step(), Participants(panel), []), Commissioner, CycleRole.Commissioner, Step()));
        IReadOnlyList<Guid> alliance = [.. providers.Select(p => p.Organisation!.Value)];
        Must.Succeed(procurement.RecordAward(cycle, award.Id, alliance, [], alliance, Commissioner, CycleRole.Commissioner, Step()));
        SignOffWithThePanel(cycle, StageKind.Procurement, panel, CycleProcurement.SignOffConditions(procurement.Progress([], [], _at)));
        return procurement;
    }

    /// <summary>The contract, starting a month after it is made and reported quarterly for two years, with a KPI each provider reports.</summary>
    private CycleMonitoring AddContract(CommissioningCycle cycle, CycleProcurement procurement, ServiceSpecification specification)
    {
        var startsOn = DateOnly.FromDateTime(_at.UtcDateTime).AddMonths(1);
        var monitoring = Must.Succeed(CycleMonitoring.Start(cycle, procurement, specification,
            new ContractDraft(3_000_000m, startsOn, startsOn.AddYears(2).AddDays(-1), "Up to 2 further years, one year at a time."), false,
            Commissioner, CycleRole.Commissioner, Step()));
        Must.Succeed(monitoring.AddKpi(cycle, KpiOwner.Provider, new KpiDraft("People offered a place the day they ask",
            "Of everyone who asked for a crisis place, the share offered one that same day.", 90m, "%", KpiDirection.AtLeast,
            ReportingFrequency.Quarterly, "The alliance's shared referral log."), Commissioner, CycleRole.Commissioner, Step()));
        if (monitoring.Periods.Count != Quarters)
        {
            throw new InvalidOperationException($"The contract has {monitoring.Periods.Count} reporting periods, not {Quarters}: the seeder's dates no longer fit.");
        }

        return monitoring;
    }

    /// <summary>
    /// Each quarter in order, inside its reporting window: every provider's return, submitted, then the panel's ratings.
    /// Ratings move with the quarter and the person, so the outcomes over time show change and the odd divergence.
    /// </summary>
    private (List<ProviderReturn> Returns, List<PanelRating> Ratings) AddQuarters(
        CommissioningCycle cycle, CycleMonitoring monitoring, IReadOnlyList<Person> panel, IReadOnlyList<Person> providers)
    {
        List<ProviderReturn> returns = [];
        List<PanelRating> ratings = [];
        int ratingsLeft = scale.PanelRatings;
        foreach (var period in monitoring.Periods.OrderBy(p => p.Number))
        {
            _at = new DateTimeOffset(period.EndsOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).AddDays(7);
            foreach (var (provider, p) in providers.Select((x, p) => (x, p)))
            {
                var organisation = provider.Organisation!.Value;
                var providerReturn = Must.Succeed(ProviderReturn.Start(cycle, monitoring, period.Id, organisation, false, provider.Id, CycleRole.Provider, Step()));
                var draft = new ReturnDraft(
                    monitoring.Outcomes.Select((o, i) => (o, i)).ToDictionary(x => x.o.OutcomeId, x => new OutcomeReport(Level(period.Number + p + x.i), text.Body())),
                    monitoring.KpisReportedIn(period).ToDictionary(k => k.Id, _ => new KpiReport(85m + ((period.Number + p) % 10), "")),
                    text.Body(),
                    text.Body(),
                    "");
                Must.Succeed(providerReturn.Save(cycle, monitoring, draft, provider.Id, CycleRole.Provider, organisation, Step()));
                Must.Succeed(providerReturn.Submit(cycle, monitoring, provider.Id, CycleRole.Provider, organisation, Step()));
                returns.Add(providerReturn);
            }

            var raters = panel.Take(Math.Min(panel.Count, ratingsLeft / (Quarters - period.Number + 1))).ToList();
            foreach (var (person, r) in raters.Select((x, r) => (x, r)))
            {
                var draft = new PanelRatingDraft(
                    monitoring.Outcomes.Select((o, i) => (o, i)).ToDictionary(x => x.o.OutcomeId, x => new PanelOutcomeReport(Level(period.Number + r + (2 * x.i) - 1), text.Body())),
                    ContributionVisibility.Everyone);
                ratings.Add(Must.Succeed(PanelRating.Give(cycle, monitoring, period.Id, draft, false, person.Id, person.Role, Step())));
            }

            ratingsLeft -= raters.Count;
        }

        return (returns, ratings);
    }

    /// <summary>The review of the last two quarters, with the providers and the panel, ending in a decision to continue the contract.</summary>
    private Review AddReview(
        CommissioningCycle cycle, CycleMonitoring monitoring, IReadOnlyList<Person> panel, IReadOnlyList<Person> providers,
        IReadOnlyList<ProviderReturn> returns, IReadOnlyList<PanelRating> ratings)
    {
        var last = monitoring.Periods.OrderBy(p => p.Number).TakeLast(2).ToList();
        _at = _at.AddDays(14);
        var review = Must.Succeed(monitoring.RecordReview(cycle, new ReviewDraft(
            DateOnly.FromDateTime(_at.UtcDateTime),
            [.. Participants(panel), .. providers.Select(p => new DecisionParticipant(p.Id, CycleRole.Provider))],
            "Two people who use the crisis house, invited by the peer forum",
            string.Join("\n\n", text.Body(), text.Body(), text.Body()),
            [.. last.Select(p => p.Id)]),
            Commissioner, CycleRole.Commissioner, Step()));
        var decision = Must.Succeed(cycle.RecordDecision(StageKind.Monitoring, new DecisionDetails(
            "Continue the alliance agreement", text.Body(), DecisionMode.CommissionerLed, "The outcomes are on track and the panel agreed.",
            CoProductionLadderRung.Engagement, Step(), Participants(panel), []), Commissioner, CycleRole.Commissioner, Step()));
        // The decision cites, as a real one must, the returns and the panel's ratings of the periods the review looked at.
        var cited = review.PeriodIds.ToHashSet();
        var citedReturns = returns.Where(r => cited.Contains(r.PeriodId)).ToList();
        var citedRatings = ratings.Where(r => cited.Contains(r.PeriodId)).ToList();
        var sources = new ReviewSources(citedReturns.ToDictionary(r => r.Id, r => r.Submitted!.Number), [.. citedRatings.Select(r => r.Id)]);
        Must.Succeed(monitoring.DecideReview(cycle, review.Id, new ReviewDecisionDraft(decision.Id, ReviewDecisionType.Continue)
        {
            CitedReturnIds = [.. citedReturns.Select(r => r.Id)],
            CitedRatingIds = [.. citedRatings.Select(r => r.Id)],
        }, sources, Commissioner, CycleRole.Commissioner, Step()));
        return review;
    }

    private static RatingLevel Level(int seed) => Levels[1 + (Math.Abs(seed) % (Levels.Length - 1))];

    private DecisionParticipant[] Participants(IReadOnlyList<Person> panel) =>
        [new(Commissioner, CycleRole.Commissioner), new(cast.Champion.Id, CycleRole.CoProductionChampion), .. panel.Take(2).Select(p => new DecisionParticipant(p.Id, p.Role))];

    private DateTimeOffset Step() => _at = _at.AddMinutes(1);
}
