using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.NeedsAssessment;
using static CoproCommissioning.Web.DemoData.DemoOutcomes;

namespace CoproCommissioning.Web.DemoData;

/// <summary>
/// The demo rehabilitation cycle's stage content: the needs assessment's evidence, needs and inequalities, two
/// co-design sessions with input logged from them, and the demo provider's proposal. Built through the domain;
/// each part is added only when the cycle has none of it yet, so running again adds nothing. Times fall between
/// the cycle's own milestones (evidence before needs assessment was signed off, sessions after co-design opened).
/// </summary>
public static class DemoStageContent
{
    public const string CycleTitle = "Community mental health rehabilitation service, Harbourside";
    public const string ProviderEmail = "provider@demo.copro.test";

    public static async Task SeedAsync(CoproDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var cycle = await db.Cycles.IncludeStages().SingleOrDefaultAsync(c => c.Title == CycleTitle, ct);
        if (cycle?.ChampionUserId is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var members = await db.Memberships.AsNoTracking().Where(m => m.CycleId == cycle.Id).ToListAsync(ct);
        var cast = new Cast(
            cycle.CreatedByUserId,
            cycle.ChampionUserId,
            [.. members.Where(m => m.Role == CycleRole.PanelMember).OrderBy(m => m.PanelVoice).ThenBy(m => m.JoinedAt).Select(m => m.UserId)],
            members.FirstOrDefault(m => m.Role == CycleRole.ClinicalAdviser)?.UserId);

        var needsAssessment = cycle.StageOf(StageKind.NeedsAssessment);
        var needsAssessmentEnd = needsAssessment.IsSignedOff ? needsAssessment.History.Max(e => e.At) : now;
        if (!await db.EvidenceItems.AnyAsync(e => e.CycleId == cycle.Id, ct)
            && !await db.IdentifiedNeeds.AnyAsync(n => n.CycleId == cycle.Id, ct)
            && !await db.InequalityGroups.AnyAsync(g => g.CycleId == cycle.Id, ct))
        {
            AddNeedsAssessment(db, cycle, cast, Between(cycle.CreatedAt, needsAssessmentEnd));
        }

        var coDesign = cycle.StageOf(StageKind.CoDesign);
        if (!coDesign.IsSignedOff)
        {
            var during = Between(coDesign.OpenedAt ?? needsAssessmentEnd, now);
            if (!await db.CoDesignSessions.AnyAsync(s => s.CycleId == cycle.Id, ct))
            {
                AddSessions(db, cycle, cast, members.FirstOrDefault(m => m.Role == CycleRole.Provider)?.UserId, during, now);
            }

            if (!await db.ProviderProposals.AnyAsync(p => p.CycleId == cycle.Id, ct))
            {
                await AddProposalAsync(db, cycle, members, during(0.35), ct);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static void AddNeedsAssessment(CoproDbContext db, CommissioningCycle cycle, Cast p, Func<double, DateTimeOffset> at)
    {
        EvidenceItem Evidence(double when, string source, EvidenceKind kind, string summary, string? link) =>
            Must(EvidenceItem.Add(cycle, source, kind, summary, link, p.Champion, CycleRole.CoProductionChampion, at(when)));

        var jsna = Evidence(0.10, "Harbourside Joint Strategic Needs Assessment 2025: mental health chapter", EvidenceKind.Jsna,
            "About 1,450 adults in Harbourside live with a severe mental illness: 0.95% of people registered with a GP, against 0.78% across England.\n"
                + "Rates in the Docks and Anchor wards are about twice the borough average, and emergency mental health admissions rose by 18% in three years.\n"
                + "Fewer than half of adults with a severe mental illness had all six physical health checks last year.",
            "https://www.harbourside.gov.uk/jsna/mental-health");
        var profile = Evidence(0.12, "Severe mental illness profile for North Harbour (OHID Fingertips)", EvidenceKind.PopulationData,
            "Premature deaths among adults with a severe mental illness in North Harbour are 5 times the rate of the general population, "
                + "mostly from heart disease, lung disease and diabetes. The gap is wider than the England average.",
            "https://fingertips.phe.org.uk/profile-group/mental-health");
        var placements = Evidence(0.15, "North Harbour ICB out-of-area placements list, October 2025", EvidenceKind.ServiceData,
            "38 Harbourside adults are in rehabilitation placements out of area, on average 110 miles away, staying 26 months on average "
                + "at a cost of about £4.1 million a year.\n"
                + "11 of them told the outreach team they want to come home within a year. 7 had been moved at least once without their family being told beforehand.",
            null);
        var story = Evidence(0.18, "Jess's story: moving on from a rehabilitation ward", EvidenceKind.LivedExperienceStory,
            "Shared by a panel member, with her agreement.\n"
                + "After 14 months on a rehabilitation ward out of area, Jess moved into her own flat in Harbourside. A support worker came twice a week "
                + "for six weeks and then stopped. Nobody helped with the gas, council tax or registering with a GP. By the winter she was back in hospital.\n"
                + "What would have helped: someone who kept coming while she settled in, and someone who had been through it themselves.",
            null);
        var survey = Evidence(0.22, "Harbourside community mental health services survey, summer 2025", EvidenceKind.Survey,
            "212 people who use community mental health services replied, on paper, online and in easy read.\n"
                + "64% said their support ended before they felt ready. 48% said appointments clash with work or caring. "
                + "71% would like to see a peer support worker. Carers said the hardest times are evenings and weekends.",
            null);

        IdentifiedNeed Need(double when, string statement, NeedPriority priority, params EvidenceItem[] evidence) =>
            Must(IdentifiedNeed.Identify(cycle, statement, priority, evidence, p.Commissioner, CycleRole.Commissioner, at(when)));

        InequalityGroup Group(double when, AffectedGroup group, string description, string inequality) =>
            Must(InequalityGroup.Record(cycle, group, description, inequality, p.Champion, CycleRole.CoProductionChampion, at(when)));

        db.EvidenceItems.AddRange(jsna, profile, placements, story, survey);
        db.InequalityGroups.AddRange(
            Group(0.60, AffectedGroup.Race, "Black African and Caribbean men",
                "Are detained under the Mental Health Act at more than three times the rate of white men in Harbourside, and are less often "
                    + "offered rehabilitation before they reach a crisis (JSNA 2025)."),
            Group(0.61, AffectedGroup.PeopleExperiencingHomelessness, "",
                "One in five people ready to leave a rehabilitation placement had no settled home to go to. Waiting for housing added 9 weeks "
                    + "to their hospital stay on average."),
            Group(0.62, AffectedGroup.Carers, "Families of people placed out of area",
                "Spend a whole day and up to £60 on each visit, and are often not told when their relative is moved."),
            Group(0.63, AffectedGroup.Disability, "Deaf people who use British Sign Language",
                "No current service has BSL-fluent staff, so people rely on family members to interpret in appointments about their own care."));
        db.IdentifiedNeeds.AddRange(
            Need(0.90, "People need support that carries on after they move into their own homes, for as long as they need it.",
                NeedPriority.High, story, survey, placements),
            Need(0.91, "People want support from peers who have lived experience of rehabilitation.", NeedPriority.High, survey, story),
            Need(0.92, "Families and carers need to be kept informed, with the person's agreement, especially when someone is moved out of area.",
                NeedPriority.Medium, placements, survey),
            Need(0.93, "People on long-term antipsychotic medicine need regular physical health checks alongside their mental health support.",
                NeedPriority.Medium, jsna, profile));
    }

    private static void AddSessions(
        CoproDbContext db, CommissioningCycle cycle, Cast p, string? provider, Func<double, DateTimeOffset> at, DateTimeOffset now)
    {
        // Input is logged on the day of the session, once it has ended (never later than now).
        DateTimeOffset SameDay(DateTimeOffset day, double hours)
        {
            var when = UkTime.StartOfDay(UkTime.Today(day)).AddHours(hours);
            return when < now ? when : now;
        }

        var workshopDay = at(0.50);
        var workshop = Must(CoDesignSession.Schedule(cycle, new SessionDetails(
            "Co-design workshop 1: what good rehabilitation support looks like",
            UkTime.Today(workshopDay),
            new TimeOnly(10, 30),
            new TimeOnly(13, 30),
            SessionFormat.InPerson,
            "Harbourside Community Centre, 12 Quay Street, Harbourside",
            "",
            [
                AccessArrangement.StepFreeAccess, AccessArrangement.HearingLoop, AccessArrangement.QuietRoom, AccessArrangement.EasyReadMaterials,
                AccessArrangement.BslInterpreter, AccessArrangement.TravelExpensesPaid, AccessArrangement.InvolvementPaymentOffered,
                AccessArrangement.SupportPersonWelcome,
            ],
            "Lunch provided. A break every 45 minutes.",
            [.. new[] { p.Commissioner, p.Champion, provider }.Concat(p.Panel).OfType<string>().Distinct()],
            9,
            "Tom welcomed everyone and explained how the day's input would be logged and answered.\n"
                + "Part 1: what went well and what went wrong when people left hospital. Carers spoke about not knowing who to call in the evening.\n"
                + "Part 2: people designed the first 12 weeks after leaving hospital on a timeline on the wall. The same worker before and after discharge "
                + "came up in every group.\n"
                + "Part 3: Harbourside Community Wellbeing described its peer navigator idea and answered questions.\n"
                + "Next: an evening session online for people who could not come in the day."),
            p.Champion, CycleRole.CoProductionChampion, workshopDay));

        var onlineDay = at(0.75);
        var online = Must(CoDesignSession.Schedule(cycle, new SessionDetails(
            "Evening session online: fitting support around work and family",
            UkTime.Today(onlineDay),
            new TimeOnly(18, 30),
            new TimeOnly(20, 0),
            SessionFormat.Online,
            "",
            "Microsoft Teams, link sent with the invitation. Joining by phone also possible.",
            [AccessArrangement.LiveCaptions, AccessArrangement.EasyReadMaterials, AccessArrangement.InvolvementPaymentOffered],
            "A practice call the day before for anyone new to Teams.",
            [.. new[] { p.Champion, p.Clinician }.Concat(p.Panel.Take(1)).OfType<string>().Distinct()],
            4,
            "Six people joined, four of them for the first time. Most work or care for someone during the day.\n"
                + "People described choosing between a job and an appointment. Ideas: evening and Saturday visits, text reminders, "
                + "and being able to swap a visit for a phone or video call."),
            p.Champion, CycleRole.CoProductionChampion, onlineDay));
        db.CoDesignSessions.AddRange(workshop, online);

        Contribution Log(CoDesignSession session, DateTimeOffset when, string? onBehalfOf, int voices, Voice voice, string summary, string body) =>
            Must(cycle.LogContributionOnBehalf(StageKind.CoDesign, p.Champion, CycleRole.CoProductionChampion,
                onBehalfOf is null ? null : new Contributor(onBehalfOf, CycleRole.PanelMember), voices, voice,
                session.InputChannel, ContributionVisibility.Everyone, summary, body, when, session.AsContributionTarget,
                new InputOrigin(session.Date, session.Id, onBehalfOf is null ? $"people at {session.Title}" : null)));

        var sameWorker = Log(workshop, SameDay(workshopDay, 14), null, 6, Voice.LivedExperience,
            "Workshop 1: meet your community worker before you leave hospital, and keep the same one after",
            "Six people at the timeline exercise said the worst moment was the day they left hospital with nobody they knew waiting. "
                + "They want to meet their community worker on the ward at least twice before discharge, and keep that worker for the first 12 weeks at home.");
        if (p.Panel.FirstOrDefault() is { } panelMember)
        {
            Log(workshop, SameDay(workshopDay, 14.2), panelMember, 1, Voice.LivedExperience,
                "Workshop 1: help with bills, benefits and the GP should be part of the support, not a referral elsewhere",
                "Said during the timeline exercise: \"The practical stuff is what tipped me over. I needed someone to sit with me and ring the council.\"");
        }

        Log(online, SameDay(onlineDay, 20.5), null, 4, Voice.LivedExperience,
            "Evening session: offer visits in the evening and on Saturdays, and let people swap a visit for a call",
            "Four people who work or care during the day said they miss visits or have to take unpaid leave. "
                + "They asked for visits until 8pm on weekdays and on Saturday mornings, and for the choice of a phone or video call instead of a visit.");

        Must(cycle.Respond(sameWorker.Id, p.Commissioner, CycleRole.Commissioner, ResponseType.Adopted,
            "The preferred model now says people meet their named community worker on the ward at least twice before they leave, "
                + "and keep the same worker for at least their first 12 weeks at home.",
            SameDay(workshopDay.AddDays(3), 11)));
    }

    private static async Task AddProposalAsync(
        CoproDbContext db, CommissioningCycle cycle, IReadOnlyList<Domain.Membership.CycleMembership> members, DateTimeOffset at, CancellationToken ct)
    {
        var provider = await db.Users.AsNoTracking().Where(u => u.Email == ProviderEmail).Select(u => new { u.Id, u.OrganisationId }).SingleOrDefaultAsync(ct);
        var membership = members.FirstOrDefault(m => m.UserId == provider?.Id && m.Role == CycleRole.Provider);
        if (provider?.OrganisationId is not { } organisationId || membership is null)
        {
            return;
        }

        db.ProviderProposals.Add(Must(ProviderProposal.Submit(cycle,
            "Community rehabilitation team with peer navigators and a step-down flat",
            "A community rehabilitation team in which every person has a peer navigator with lived experience of rehabilitation, who meets them on the ward "
                + "before they leave and stays alongside them for as long as they need. A step-down flat in Harbourside gives people coming home from "
                + "out of area up to 12 weeks to settle in.",
            "Who it is for: adults in Harbourside with severe and complex mental health needs leaving hospital or an out-of-area placement, and people at risk of needing one.\n"
                + "What it offers: a named community worker and a peer navigator for each person; help with housing, money, benefits and registering with a GP; "
                + "physical health checks with the GP practice; visits in the evenings and on Saturdays; a phone line answered until 10pm with the crisis team after that.\n"
                + "How people reach it: referral by the ward, the community mental health team, the GP, or by people and families themselves.\n"
                + "Who delivers it: Harbourside Community Wellbeing, with 6 peer navigators, 8 community workers, an occupational therapist, a nurse, and 2 sessions a week "
                + "of rehabilitation psychiatry from the NHS trust.\n"
                + "How people with lived experience shape it: a quarterly service users' forum with a paid chair; peers on every interview panel; "
                + "an outcomes report written with the lived-experience panel each year.",
            provider.Id, CycleRole.Provider, organisationId, at)));
    }

    /// <summary>A moment a fraction of the way from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static Func<double, DateTimeOffset> Between(DateTimeOffset from, DateTimeOffset to) =>
        fraction => from + TimeSpan.FromTicks((long)((to - from).Ticks * fraction));

    private sealed record Cast(string Commissioner, string Champion, IReadOnlyList<string> Panel, string? Clinician);
}
