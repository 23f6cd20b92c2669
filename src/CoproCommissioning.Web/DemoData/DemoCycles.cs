using CoproCommissioning.Domain.Organisations;
using static CoproCommissioning.Web.DemoData.DemoOutcomes;

namespace CoproCommissioning.Web.DemoData;

/// <summary>
/// The demo cycles in the fictional borough of Harbourside, built only through the domain's own methods:
/// a community rehabilitation service part-way through co-design (needs assessment signed off), a crisis
/// service that has just started, a recovery college at its specification stage (<see cref="DemoSpecificationCycle"/>),
/// a crisis café being procured (<see cref="DemoProcurementCycle"/>) and a crisis alliance a year into monitoring
/// (<see cref="DemoMonitoringCycle"/>).
/// Looked up by title, so running again adds nothing.
/// </summary>
public sealed class DemoCycles(CoproDbContext db, TimeProvider clock, ILogger logger)
{
    public const string RehabilitationTitle = "Community mental health rehabilitation service, Harbourside";
    public const string CrisisTitle = "Crisis alternatives for young adults";
    public const string CommissioningBody = "North Harbour Integrated Care Board";
    public const string ProviderOrganisation = "Harbourside Community Wellbeing";

    private const string Commissioner = "commissioner@demo.copro.test";
    private const string Champion = "champion@demo.copro.test";
    private const string Panel = "panel@demo.copro.test";
    private const string Carer = "carer@demo.copro.test";
    private const string Provider = "provider@demo.copro.test";
    private const string Clinician = "clinician@demo.copro.test";

    public async Task SeedAsync(CancellationToken ct)
    {
        var emails = new[] { Commissioner, Champion, Panel, Carer, Provider, Clinician };
        var users = await db.Users.Where(u => emails.Contains(u.Email)).ToDictionaryAsync(u => u.Email!, ct);
        if (users.Count != emails.Length)
        {
            throw new InvalidOperationException("Demo data: seed the demo accounts before the demo cycles.");
        }

        var icb = await OrganisationAsync(db, CommissioningBody, OrganisationKind.IntegratedCareBoard, ct);
        var wellbeing = await OrganisationAsync(db, ProviderOrganisation, OrganisationKind.VoluntaryOrCommunityOrganisation, ct);
        users[Commissioner].OrganisationId ??= icb.Id;
        users[Champion].OrganisationId ??= icb.Id;
        users[Provider].OrganisationId ??= wellbeing.Id;
        await db.SaveChangesAsync(ct);

        var people = new Cast(
            users[Commissioner].Id, users[Champion].Id, users[Panel].Id, users[Carer].Id, users[Provider].Id, users[Clinician].Id, wellbeing.Id);
        var added = 0;
        if (!await db.Cycles.AnyAsync(c => c.Title == RehabilitationTitle, ct))
        {
            AddRehabilitationCycle(people, clock.GetUtcNow().AddDays(-58));
            added++;
        }

        if (!await db.Cycles.AnyAsync(c => c.Title == CrisisTitle, ct))
        {
            AddCrisisCycle(people, clock.GetUtcNow().AddDays(-12));
            added++;
        }

        if (!await db.Cycles.AnyAsync(c => c.Title == DemoSpecificationCycle.Title, ct))
        {
            DemoSpecificationCycle.Add(db, people, clock.GetUtcNow());
            added++;
        }

        if (!await db.Cycles.AnyAsync(c => c.Title == DemoProcurementCycle.Title, ct))
        {
            await DemoProcurementCycle.AddAsync(db, people, clock.GetUtcNow(), ct);
            added++;
        }

        if (!await db.Cycles.AnyAsync(c => c.Title == DemoMonitoringCycle.Title, ct))
        {
            await DemoMonitoringCycle.AddAsync(db, people, clock.GetUtcNow(), ct);
            added++;
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo cycles ready: {AddedCycles} demo cycles added", added);
    }

    private void AddRehabilitationCycle(Cast p, DateTimeOffset start)
    {
        DateTimeOffset Day(double days) => start.AddDays(days);

        var cycle = Must(CommissioningCycle.Create(
            RehabilitationTitle,
            "Community mental health rehabilitation",
            "Adults aged 18 and over living in Harbourside with severe and complex mental health needs who need longer-term "
                + "support to live well in the community, including people coming home from out-of-area hospital placements.",
            1_850_000m,
            DateOnly.FromDateTime(start.UtcDateTime),
            CommissioningBody,
            p.Commissioner,
            Day(0)));
        AddMembers(db, cycle, p, Day(0), withProvider: true);
        Must(cycle.SetChampion(p.Champion, CycleRole.Commissioner, Day(0.01)));
        Must(cycle.ChangeSignOffPolicy(3, 5, CycleRole.Commissioner, Day(0.02)));

        // Needs assessment: what people told us, in their own voices and by the channels that suited them.
        var movedOn = Must(cycle.AddContribution(StageKind.NeedsAssessment, p.Panel, CycleRole.PanelMember, Voice.LivedExperience, Channel.Online, ContributionVisibility.Everyone,
            "Support stopped six weeks after I moved into my own flat",
            "I spent 14 months on a rehab ward out of area. When I moved into my flat in Harbourside, a support worker came twice a week "
                + "for six weeks and then it stopped. By the winter I was back in hospital.\n"
                + "I needed someone to keep coming while I settled in, even once a week, and to help me sort out the gas, the council tax and the GP.",
            Day(5)));
        var library = Must(cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, p.Champion, CycleRole.CoProductionChampion, null, 7,
            Voice.LivedExperience, Channel.Workshop, ContributionVisibility.Everyone,
            "Harbourside Library workshop: people want support from peers who have been through rehab",
            "Seven people who use or have used rehabilitation services came to the workshop at Harbourside Library.\n"
                + "Everyone said that talking to someone who had been there themselves helped more than anything else. Several people said they felt talked down to in ward rounds.\n"
                + "Ideas: paid peer support workers in the community team, a drop-in run by peers, and peers on the interview panels for new staff.",
            Day(12), origin: new InputOrigin(DateOnly.FromDateTime(Day(10).UtcDateTime), GivenBy: "people at the Harbourside Library workshop")));
        var moves = Must(cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, p.Champion, CycleRole.CoProductionChampion, new Contributor(p.Carer, CycleRole.PanelMember), 1,
            Voice.Carer, Channel.Phone, ContributionVisibility.CommissioningTeam,
            "Families are not told when their relative is moved to a hospital far away",
            "Alan's son was moved to a placement 140 miles away with a day's notice. Nobody phoned the family: they found out when his phone went unanswered.\n"
                + "Each visit takes a whole day and costs £60 in train fares. Alan asked that carers are told about moves, with the person's agreement, and helped with the cost of visiting.",
            Day(14), origin: new InputOrigin(DateOnly.FromDateTime(Day(13).UtcDateTime))));
        var anchorLane = Must(cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, p.Champion, CycleRole.CoProductionChampion, null, 3,
            Voice.LivedExperience, Channel.EasyReadForm, ContributionVisibility.Everyone,
            "Easy-read forms from Anchor Lane: tenants want a staffed building in the town centre",
            "Three tenants of Anchor Lane supported housing filled in the easy-read form with their support worker. "
                + "They would like a building in the town centre with staff there day and night, where people can live together after leaving hospital.",
            Day(18), origin: new InputOrigin(DateOnly.FromDateTime(Day(15).UtcDateTime), GivenBy: "tenants of Anchor Lane supported housing")));
        var placements = Must(cycle.AddContribution(StageKind.NeedsAssessment, p.Provider, CycleRole.Provider, Voice.Provider, Channel.Online, ContributionVisibility.Everyone,
            "38 Harbourside residents are in rehabilitation placements out of area",
            "From the ICB's placement list in October: 38 adults in out-of-area rehabilitation placements, staying 26 months on average. "
                + "11 of them told our outreach team they want to come home within a year.",
            Day(20)));
        var physicalHealth = Must(cycle.AddContribution(StageKind.NeedsAssessment, p.Clinician, CycleRole.ClinicalAdviser, Voice.Clinician, Channel.Online, ContributionVisibility.Everyone,
            "Physical health checks are often missed for people on long-term antipsychotics",
            "Our audit found that only 41% of people taking clozapine had a full annual physical health check last year. "
                + "People on long-term antipsychotic medicine are at higher risk of heart disease and diabetes.",
            Day(21)));

        Must(cycle.Respond(movedOn.Id, p.Commissioner, CycleRole.Commissioner, ResponseType.Adopted,
            "Support that carries on after people move into their own homes is now the first priority need. The new service will have no fixed end date "
                + "for community support: it will reduce when you and your worker agree you are ready.",
            Day(29)));
        Must(cycle.Respond(library.Id, p.Commissioner, CycleRole.Commissioner, ResponseType.Adopted,
            "Peer support is now a priority need. The specification will ask for paid peer support workers in the team, and peers will sit on interview panels.",
            Day(25.1)));
        Must(cycle.Respond(moves.Id, p.Champion, CycleRole.CoProductionChampion, ResponseType.Adapted,
            "We cannot share someone's clinical details without their consent, but the needs assessment now includes keeping families and carers informed, "
                + "with the person's agreement. We have asked the ICB's travel support scheme to help with the cost of visits while the new service is set up.",
            Day(25.2)));
        Must(cycle.Respond(anchorLane.Id, p.Commissioner, CycleRole.Commissioner, ResponseType.NotAdopted,
            "We looked at this carefully. Most people told us they want to live in their own homes with support that comes to them, and a staffed building "
                + "would move people away from their neighbours and friends. We have passed the idea of a short-stay crisis house to the crisis alternatives "
                + "cycle, and Tom visited Anchor Lane to explain this in person.",
            Day(26)));
        Must(cycle.Respond(placements.Id, p.Commissioner, CycleRole.Commissioner, ResponseType.Adopted,
            "Thank you. These figures are the baseline for the needs assessment, and bringing people home is one of the service's outcomes.",
            Day(26.1)));
        Must(cycle.Respond(physicalHealth.Id, p.Commissioner, CycleRole.Commissioner, ResponseType.Adopted,
            "Physical health checks are now one of the four priority needs, alongside mental health support.",
            Day(26.2)));

        Must(cycle.RecordDecision(StageKind.NeedsAssessment, new DecisionDetails(
            "Four priority needs for the new service",
            "The new service will meet four priority needs:\n"
                + "1. Support that carries on after people move into their own homes, for as long as they need it.\n"
                + "2. Peer support from people with lived experience of rehabilitation.\n"
                + "3. Families and carers kept informed, with the person's agreement.\n"
                + "4. Physical health checks alongside mental health support.",
            DecisionMode.CoProduced,
            "Agreed at the panel meeting by the lived-experience panel, the carer representative, the co-production champion, the clinical adviser "
                + "and the commissioner, working from everything people told us during the needs assessment.",
            CoProductionLadderRung.CoProduction,
            Day(29),
            [
                new DecisionParticipant(p.Commissioner, CycleRole.Commissioner),
                new DecisionParticipant(p.Champion, CycleRole.CoProductionChampion),
                new DecisionParticipant(p.Panel, CycleRole.PanelMember),
                new DecisionParticipant(p.Carer, CycleRole.PanelMember),
                new DecisionParticipant(p.Clinician, CycleRole.ClinicalAdviser),
            ],
            [
                new DecisionInfluence(movedOn.Id, "Set the first priority: no fixed end date for support after moving on."),
                new DecisionInfluence(library.Id, "Made peer support a priority need, with peers on interview panels."),
                new DecisionInfluence(moves.Id, "Added keeping families and carers informed, with the person's agreement."),
                new DecisionInfluence(physicalHealth.Id, "Added physical health checks to the priorities."),
            ]), p.Commissioner, CycleRole.Commissioner, Day(29.1)));
        Must(cycle.RecordDecision(StageKind.NeedsAssessment, new DecisionDetails(
            "Clozapine monitoring stays with the community mental health team",
            "Blood monitoring for people taking clozapine will stay with the community mental health team's clozapine clinic, not the new service.",
            DecisionMode.ClinicallyLed,
            "Clozapine monitoring is a safety requirement of the medicine's licence and must be run by the prescribing team. The panel asked that clinic "
                + "appointments are offered at the same place and time as other support where possible, and this will be written into the specification.",
            CoProductionLadderRung.Informing,
            Day(28),
            [
                new DecisionParticipant(p.Clinician, CycleRole.ClinicalAdviser),
                new DecisionParticipant(p.Commissioner, CycleRole.Commissioner),
            ],
            [new DecisionInfluence(physicalHealth.Id, "Showed why physical health monitoring must stay with the prescribing team.")]),
            p.Clinician, CycleRole.ClinicalAdviser, Day(28.2)));

        Must(cycle.SignOff(StageKind.NeedsAssessment, p.Commissioner, CycleRole.Commissioner,
            "Needs assessment agreed with the lived-experience panel. Input from 12 people with lived experience and carers, gathered online, at the "
                + "Harbourside Library workshop, by phone and on easy-read forms, shaped the four priority needs. Every piece of input has been answered, "
                + "and we explained in person to the Anchor Lane tenants why a staffed building was not taken forward.",
            Day(30)));

        // Co-design, under way: a provider's idea, a carers' workshop, a clinician's view, and two pieces of input still waiting for an answer.
        Must(cycle.AddContribution(StageKind.CoDesign, p.Provider, CycleRole.Provider, Voice.Provider, Channel.Online, ContributionVisibility.Everyone,
            "Peer navigators should meet people before they leave hospital",
            "Harbourside Community Wellbeing proposes a community rehabilitation team with peer navigators who meet people before they leave hospital and "
                + "stay with them for as long as they need, plus a step-down flat for up to 12 weeks for people coming home from out of area.",
            Day(40)));
        var carersWorkshop = Must(cycle.LogContributionOnBehalf(StageKind.CoDesign, p.Champion, CycleRole.CoProductionChampion, null, 5,
            Voice.Carer, Channel.Workshop, ContributionVisibility.Everyone,
            "Co-design workshop 1: carers want one named worker and a number to ring out of hours",
            "Five carers took part in the first co-design workshop at Harbourside Community Centre. They asked for one named worker who knows the family, "
                + "and a phone number that is answered in the evenings and at weekends, when things most often go wrong.",
            Day(45), origin: new InputOrigin(DateOnly.FromDateTime(Day(44).UtcDateTime), GivenBy: "carers at co-design workshop 1")));
        var psychiatrist = Must(cycle.AddContribution(StageKind.CoDesign, p.Clinician, CycleRole.ClinicalAdviser, Voice.Clinician, Channel.Meeting, ContributionVisibility.Everyone,
            "The team needs a rehabilitation psychiatrist for at least two sessions a week",
            "Without consultant time in the community team, people coming home from placements will be referred back to the ward when their medicine needs reviewing.",
            Day(47)));
        Must(cycle.AddContribution(StageKind.CoDesign, p.Panel, CycleRole.PanelMember, Voice.LivedExperience, Channel.Online, ContributionVisibility.Everyone,
            "Visits should happen at times that suit people, not only 9 to 5",
            "I work three days a week now. Most appointments are in the middle of the day, so I have to choose between my job and my support.",
            Day(50)));
        Must(cycle.AddContribution(StageKind.CoDesign, p.Carer, CycleRole.PanelMember, Voice.Carer, Channel.Online, ContributionVisibility.Everyone,
            "Please do not make people tell their story again at every handover",
            "Every time my son gets a new worker he has to go over everything from the start, and it sets him back. One shared plan that follows him would help.",
            Day(52)));

        Must(cycle.Respond(carersWorkshop.Id, p.Champion, CycleRole.CoProductionChampion, ResponseType.Adopted,
            "The preferred model now gives everyone a named worker, and an evening and weekend phone line answered by the service with the crisis team.",
            Day(55)));
        Must(cycle.Respond(psychiatrist.Id, p.Commissioner, CycleRole.Commissioner, ResponseType.Adopted,
            "Two sessions a week of rehabilitation psychiatry are in the preferred model's staffing.",
            Day(55.1)));
        Must(cycle.RecordDecision(StageKind.CoDesign, new DecisionDetails(
            "A named worker for everyone, with evening and weekend cover",
            "Everyone using the service will have one named worker who knows them and their family. An evening and weekend phone line will be answered "
                + "by the service, working with the crisis team.",
            DecisionMode.CoProduced,
            "Agreed at co-design workshop 1 with carers and the lived-experience panel.",
            CoProductionLadderRung.CoProduction,
            Day(56),
            [
                new DecisionParticipant(p.Commissioner, CycleRole.Commissioner),
                new DecisionParticipant(p.Champion, CycleRole.CoProductionChampion),
                new DecisionParticipant(p.Carer, CycleRole.PanelMember),
                new DecisionParticipant(p.Panel, CycleRole.PanelMember),
            ],
            [new DecisionInfluence(carersWorkshop.Id, "Carers at the workshop asked for a named worker and out-of-hours cover.")],
            [new GroupOfPeople(5, Voice.Carer, "carers at co-design workshop 1")]),
            p.Commissioner, CycleRole.Commissioner, Day(56.1)));

        db.Cycles.Add(cycle);
    }

    private void AddCrisisCycle(Cast p, DateTimeOffset start)
    {
        var cycle = Must(CommissioningCycle.Create(
            CrisisTitle,
            "Crisis care",
            "Young people aged 16 to 25 in North Harbour who need urgent help with their mental health, and their families.",
            640_000m,
            DateOnly.FromDateTime(start.UtcDateTime),
            CommissioningBody,
            p.Commissioner,
            start));
        AddMembers(db, cycle, p, start, withProvider: false);
        Must(cycle.SetChampion(p.Champion, CycleRole.Commissioner, start.AddMinutes(1)));
        Must(cycle.AddContribution(StageKind.NeedsAssessment, p.Panel, CycleRole.PanelMember, Voice.LivedExperience, Channel.Online, ContributionVisibility.Everyone,
            "Somewhere to go at night that is not A&E",
            "When I was 19 the only place open at 2am was A&E. I waited nine hours in a corridor. A calm place with people who understand would have stopped things getting worse.",
            start.AddDays(5)));
        db.Cycles.Add(cycle);
    }

    internal static void AddMembers(CoproDbContext db, CommissioningCycle cycle, Cast p, DateTimeOffset at, bool withProvider)
    {
        List<(string UserId, CycleRole Role, Voice? Voice, Guid? Organisation)> members =
        [
            (p.Commissioner, CycleRole.Commissioner, null, null),
            (p.Champion, CycleRole.CoProductionChampion, null, null),
            (p.Panel, CycleRole.PanelMember, Voice.LivedExperience, null),
            (p.Carer, CycleRole.PanelMember, Voice.Carer, null),
            (p.Clinician, CycleRole.ClinicalAdviser, null, null),
        ];
        if (withProvider)
        {
            members.Add((p.Provider, CycleRole.Provider, null, p.ProviderOrganisation));
        }

        foreach (var (userId, role, voice, organisation) in members)
        {
            db.Memberships.Add(Must(CycleMembership.Create(cycle.Id, userId, role, voice, organisation, p.Commissioner, at)));
        }
    }

    internal static async Task<Organisation> OrganisationAsync(CoproDbContext db, string name, OrganisationKind kind, CancellationToken ct)
    {
        // A demo cycle seeded earlier in the same unit of work, on a first run, may have added it without saving it yet:
        // look among those first, or the unique name would be added twice.
        var existing = db.Organisations.Local.SingleOrDefault(o => o.Name == name)
            ?? await db.Organisations.SingleOrDefaultAsync(o => o.Name == name, ct);
        if (existing is not null)
        {
            return existing;
        }

        var organisation = new Organisation(name, kind);
        db.Organisations.Add(organisation);
        return organisation;
    }

    /// <summary>The demo accounts' user ids, and the demo provider's organisation.</summary>
    internal sealed record Cast(
        string Commissioner, string Champion, string Panel, string Carer, string Provider, string Clinician, Guid ProviderOrganisation);
}
