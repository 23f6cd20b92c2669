using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Benchmark;

/// <summary>What scripts/bench.sh needs to address the big cycle's pages.</summary>
public sealed record BigCycle(Guid CycleId, StageKind ReadyToSignOff, Guid CommentedSectionId, int Contributions, int Comments, int Decisions, int Versions);

/// <summary>
/// The benchmark's cycles, built only through the domain's own methods (<see cref="CommissioningCycle"/>,
/// <see cref="ServiceSpecification"/>, <see cref="CycleMembership"/>), so the rows are the ones the app itself writes:
/// <list type="bullet">
/// <item>one big cycle: needs assessment signed off; co-design with every rule met, so it is ready to sign off (the
/// benchmark signs it off once, with a real POST); a specification of many versions, each answering the comments made
/// on the one before, with comments open on the latest; early input in procurement and monitoring;</item>
/// <item>a cycle at procurement, its bids scored and partly moderated (<see cref="BenchmarkProcurement"/>);</item>
/// <item>a cycle in monitoring, with two years of quarterly returns, the panel's ratings and a review (<see cref="BenchmarkMonitoring"/>);</item>
/// <item>small cycles, so the commissioner's dashboard lists <see cref="BenchmarkScale.Cycles"/> cycles.</item>
/// </list>
/// Everything happens in the past, one step at a time, so dates read as a real cycle's would.
/// </summary>
public sealed class BenchmarkCycles(CoproDbContext db, BenchmarkScale scale, BenchmarkCast cast, BenchmarkText text, DateTimeOffset now)
{
    // Shares of the stage input and of the decisions: most work happens in the first two stages.
    private static readonly (StageKind Stage, int Percent)[] Shares =
    [
        (StageKind.NeedsAssessment, 40), (StageKind.CoDesign, 40), (StageKind.Specification, 10),
        (StageKind.Procurement, 5), (StageKind.Monitoring, 5),
    ];

    private static readonly ResponseType[] ResponseTypes = [ResponseType.Adopted, ResponseType.Adapted, ResponseType.NotAdopted];
    private static readonly Channel[] OfflineChannels = [Channel.Workshop, Channel.Phone, Channel.EasyReadForm, Channel.Survey];

    private DateTimeOffset _at = now.AddDays(-400);
    private int _contributed;

    public async Task<(BigCycle Big, ProcurementCycle Procurement, MonitoringCycle Monitoring)> SeedAsync(Action<string> progress, CancellationToken ct)
    {
        var big = await SeedBigCycleAsync(progress, ct);
        // The second cycle is at procurement and the third in monitoring, so the dashboard still counts the scale's cycles.
        var procurement = await new BenchmarkProcurement(db, scale, cast, text, now).SeedAsync(progress, ct);
        var monitoring = await new BenchmarkMonitoring(db, scale, cast, text, now).SeedAsync(progress, ct);
        for (int i = 4; i <= scale.Cycles; i++)
        {
            AddSmallCycle(i);
            if (i % 10 == 0 || i == scale.Cycles)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        progress($"{scale.Cycles - 3} small cycles saved");
        return (big, procurement, monitoring);
    }

    private async Task<BigCycle> SeedBigCycleAsync(Action<string> progress, CancellationToken ct)
    {
        var c = cast.Commissioner.Id;
        var cycle = Must.Succeed(CommissioningCycle.Create(
            "Benchmark: community mental health services, Bench borough",
            "Community mental health",
            "Adults in Bench borough living with severe mental illness, and the people who care for them.",
            12_500_000m,
            DateOnly.FromDateTime(_at.UtcDateTime),
            "Bench Integrated Care Board",
            c,
            Step()));
        Must.Succeed(cycle.SetChampion(cast.Champion.Id, CycleRole.Commissioner, Step()));
        foreach (var person in Everyone())
        {
            db.Memberships.Add(Must.Succeed(CycleMembership.Create(cycle.Id, person.Id, person.Role, person.PanelVoice, person.Organisation, c, Step())));
        }

        int contributions = 0, decisions = 0;
        foreach (var (stage, percent) in Shares)
        {
            var added = AddStageInput(cycle, stage, scale.Contributions * percent / 100, answerAllLivedExperience: stage <= StageKind.CoDesign);
            AddDecisions(cycle, stage, added, scale.Decisions * percent / 100);
            contributions += added.Count;
            decisions += scale.Decisions * percent / 100;
            if (stage == StageKind.NeedsAssessment)
            {
                Must.Succeed(cycle.SignOff(StageKind.NeedsAssessment, c, CycleRole.Commissioner,
                    "Needs agreed with the lived-experience panel; every piece of input has been answered.", Step()));
            }
        }

        var (specification, commentedSection) = WriteSpecification(cycle);

        var blockers = cycle.SignOffBlockers(StageKind.CoDesign, null, c);
        if (blockers.Count > 0)
        {
            throw new InvalidOperationException(
                "The co-design stage should be ready to sign off, but: " + string.Join(", ", blockers.Select(b => b.Rule.Code).Distinct()));
        }

        progress($"big cycle built: {contributions} contributions, {scale.Comments} comments, {decisions} decisions, {specification.Versions.Count} versions; saving");
        db.Cycles.Add(cycle);
        db.Specifications.Add(specification);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        progress("big cycle saved");
        return new BigCycle(cycle.Id, StageKind.CoDesign, commentedSection, contributions, scale.Comments, decisions, specification.Versions.Count);
    }

    private IEnumerable<Person> Everyone() =>
        [cast.Commissioner, cast.Champion, .. cast.Panel, .. cast.Providers, .. cast.Clinicians];

    /// <summary>
    /// Input in the people's own voices and logged on their behalf, with responses: every piece of lived-experience input
    /// where the stage is to be signed off (R3), half of everything elsewhere.
    /// </summary>
    private List<Contribution> AddStageInput(CommissioningCycle cycle, StageKind stage, int count, bool answerAllLivedExperience)
    {
        List<Contribution> added = [];
        for (int k = 0; k < count; k++)
        {
            added.Add(Contribute(cycle, stage, k));
        }

        for (int k = 0; k < added.Count; k++)
        {
            var contribution = added[k];
            if ((answerAllLivedExperience && contribution.IsLivedExperience) || k % 2 == 0)
            {
                var (responder, role) = k % 3 == 0 ? (cast.Champion.Id, CycleRole.CoProductionChampion) : (cast.Commissioner.Id, CycleRole.Commissioner);
                Must.Succeed(cycle.Respond(contribution.Id, responder, role, ResponseTypes[k % ResponseTypes.Length],
                    $"We talked about this at the panel. {text.Body()}", Step()));
            }
        }

        return added;
    }

    private Contribution Contribute(CommissioningCycle cycle, StageKind stage, int k)
    {
        var visibility = k % 10 == 9 ? ContributionVisibility.CommissioningTeam : ContributionVisibility.Everyone;
        _contributed++;
        if (_contributed % 100 == 0)
        {
            return Own(cycle, stage, cast.Prolific, visibility);
        }

        return (k % 20) switch
        {
            < 12 => Own(cycle, stage, cast.Panel[k % cast.Panel.Count], visibility),
            < 15 => Must.Succeed(cycle.LogContributionOnBehalf(stage, cast.Champion.Id, CycleRole.CoProductionChampion,
                k % 20 == 14 ? new Contributor(cast.Panel[(k / 20) % cast.Panel.Count].Id, CycleRole.PanelMember) : null, 1 + (k % 8),
                k % 4 == 0 ? Voice.Carer : Voice.LivedExperience, OfflineChannels[k % OfflineChannels.Length], visibility,
                text.Summary("Logged from a conversation"), text.Body(), Step())),
            < 18 => Own(cycle, stage, cast.Providers[k % cast.Providers.Count], visibility),
            _ => Own(cycle, stage, cast.Clinicians[k % cast.Clinicians.Count], visibility),
        };
    }

    private Contribution Own(CommissioningCycle cycle, StageKind stage, Person person, ContributionVisibility visibility)
    {
        var voice = person.Role switch
        {
            CycleRole.PanelMember => person.PanelVoice ?? Voice.LivedExperience,
            CycleRole.Provider => Voice.Provider,
            _ => Voice.Clinician,
        };
        return Must.Succeed(cycle.AddContribution(stage, person.Id, person.Role, voice, person.Role == CycleRole.PanelMember ? Channel.Online : Channel.Meeting,
            visibility, text.Summary(voice == Voice.Provider ? "A provider's view" : "What I want the service to do"), text.Body(), Step()));
    }

    /// <summary>Two in three co-produced (citing lived-experience input, R2), the rest commissioner-led with a rationale.</summary>
    private void AddDecisions(CommissioningCycle cycle, StageKind stage, List<Contribution> input, int count)
    {
        var livedExperience = input.Where(i => i.IsLivedExperience).ToList();
        for (int j = 0; j < count; j++)
        {
            bool coProduced = j % 3 != 2;
            List<Contribution> cited = [livedExperience[j % livedExperience.Count]];
            for (int extra = 1; extra <= j % 3; extra++)
            {
                var other = input[(j * 7 + extra * 13) % input.Count];
                if (!cited.Contains(other))
                {
                    cited.Add(other);
                }
            }

            var first = cast.Panel[j % cast.Panel.Count];
            var second = cast.Panel[(j + 1) % cast.Panel.Count];
            List<DecisionParticipant> participants = [new(cast.Commissioner.Id, CycleRole.Commissioner), new(first.Id, CycleRole.PanelMember)];
            if (second != first)
            {
                participants.Add(new DecisionParticipant(second.Id, CycleRole.PanelMember));
            }

            var decidedAt = Step();
            Must.Succeed(cycle.RecordDecision(stage, new DecisionDetails(
                $"Decision {j + 1}: {text.Topic()}",
                text.Body(),
                coProduced ? DecisionMode.CoProduced : DecisionMode.CommissionerLed,
                coProduced ? "" : "The budget allows one of the options only; the panel's views were weighed against the evidence.",
                coProduced ? CoProductionLadderRung.CoProduction : CoProductionLadderRung.Consultation,
                decidedAt,
                participants,
                [.. cited.Select(i => new DecisionInfluence(i.Id, $"Shaped by: {i.Summary}"))]), cast.Commissioner.Id, CycleRole.Commissioner, Step()));
        }
    }

    /// <summary>
    /// Version 1, then for each later version a comment window on the one before, comments (one in five on the first section,
    /// the one the benchmark reads), and a new version that changes each commented section and answers its comments.
    /// The latest version is open for comment, its comments still waiting.
    /// </summary>
    private (ServiceSpecification Specification, Guid CommentedSection) WriteSpecification(CommissioningCycle cycle)
    {
        var c = cast.Commissioner.Id;
        var sections = Enumerable.Range(1, scale.Sections)
            .Select(i => (Id: Guid.CreateVersion7(), Title: $"{i}. {text.Topic()}", Body: string.Join("\n\n", Enumerable.Range(0, 4).Select(_ => text.Body()))))
            .ToList();
        var levels = new RatingLevels("Few people say so.", "Some people say so.", "Most people say so.", "Most people say so and can give an example.",
            "People say so and help others to get there.");
        var v1 = new VersionDraft(
            "First draft, written from the preferred model.",
            [.. sections.Select(s => new SectionDraft(s.Id, s.Title, s.Body, $"In short: {s.Title}"))],
            [
                new OutcomeDraft(Guid.CreateVersion7(), "I can get help before I reach crisis", OutcomeDomain.MentalWellbeing, "What people say at review.", levels),
                new OutcomeDraft(Guid.CreateVersion7(), "I have people I can turn to", OutcomeDomain.SocialNetworks, "What people say at review.", levels),
                new OutcomeDraft(Guid.CreateVersion7(), "I have a safe place to live", OutcomeDomain.Housing, "Housing status at review.", levels),
            ]);
        var specification = Must.Succeed(ServiceSpecification.Start(cycle, v1, c, CycleRole.Commissioner, Step()));

        int windows = scale.Versions, made = 0;
        for (int version = 1; version <= windows; version++)
        {
            bool last = version == windows;
            var closes = last ? now.AddDays(30) : _at.AddDays(10);
            Must.Succeed(specification.OpenForComment(cycle, closes, providersMayComment: true, c, CycleRole.Commissioner, Step()));
            int count = last ? scale.Comments - made : scale.Comments / windows;
            List<(Guid Section, Contribution Comment)> comments = [];
            for (int k = 0; k < count; k++, made++)
            {
                var section = k % 5 == 0 ? sections[0].Id : sections[k % sections.Count].Id;
                var author = made % 100 == 99 ? cast.Prolific : k % 10 == 9 ? cast.Providers[k % cast.Providers.Count] : cast.Panel[(made * 3) % cast.Panel.Count];
                var voice = author.Role == CycleRole.Provider ? Voice.Provider : author.PanelVoice ?? Voice.LivedExperience;
                comments.Add((section, Must.Succeed(specification.Comment(cycle, specification.Latest.SectionFor(section)!.Id, author.Id, author.Role, voice,
                    k % 10 == 3 ? ContributionVisibility.CommissioningTeam : ContributionVisibility.Everyone,
                    text.Summary($"On version {version}"), text.Body(), Step()))));
            }

            if (last)
            {
                break;
            }

            Must.Succeed(specification.CloseComments(cycle, c, CycleRole.Commissioner, Step()));
            var answered = comments.ToLookup(x => x.Section, x => x.Comment);
            HashSet<Guid> changed = answered.Count == 0 ? [sections[version % sections.Count].Id] : [.. answered.Select(g => g.Key)];
            var draft = specification.Latest.ToDraft();
            Must.Succeed(specification.SaveVersion(cycle, version, draft with
            {
                ChangeSummary = $"Version {version + 1}: changes from {comments.Count} comments on version {version}.",
                Sections = [.. draft.Sections.Select(s => changed.Contains(s.SectionId)
                    ? s with
                    {
                        Body = $"{sections.Single(x => x.Id == s.SectionId).Body}\n\nRevised in version {version + 1} after {answered[s.SectionId].Count()} comments.",
                        Answers = [.. answered[s.SectionId].Select((comment, i) => new AnsweredComment(comment.Id, i % 3 == 0 ? ResponseType.Adapted : ResponseType.Adopted))],
                    }
                    : s)],
            }, c, CycleRole.Commissioner, Step()));
        }

        return (specification, sections[0].Id);
    }

    private void AddSmallCycle(int number)
    {
        var c = cast.Commissioner.Id;
        var cycle = Must.Succeed(CommissioningCycle.Create(
            $"Benchmark: small cycle {number:00}", "Community mental health", "Adults in Bench borough.", 250_000m,
            DateOnly.FromDateTime(_at.UtcDateTime), "Bench Integrated Care Board", c, Step()));
        Must.Succeed(cycle.SetChampion(cast.Champion.Id, CycleRole.Commissioner, Step()));
        Person[] members = [cast.Commissioner, cast.Champion, cast.Panel[number % cast.Panel.Count], cast.Providers[number % cast.Providers.Count]];
        foreach (var person in members.Distinct())
        {
            db.Memberships.Add(Must.Succeed(CycleMembership.Create(cycle.Id, person.Id, person.Role, person.PanelVoice, person.Organisation, c, Step())));
        }

        var panel = members[2];
        for (int k = 0; k < 4; k++)
        {
            var input = Own(cycle, StageKind.NeedsAssessment, k % 2 == 0 ? panel : members[3], ContributionVisibility.Everyone);
            if (k < 2)
            {
                Must.Succeed(cycle.Respond(input.Id, c, CycleRole.Commissioner, ResponseType.Adopted, $"Thank you. {text.Body()}", Step()));
            }
        }

        db.Cycles.Add(cycle);
    }

    private DateTimeOffset Step() => _at = _at.AddMinutes(1);
}
