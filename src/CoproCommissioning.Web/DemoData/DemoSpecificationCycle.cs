using CoproCommissioning.Domain.Specification;
using static CoproCommissioning.Web.DemoData.DemoOutcomes;

namespace CoproCommissioning.Web.DemoData;

/// <summary>
/// A third demo cycle, at its specification stage, so a newcomer can see the draft specification at work: needs
/// assessment and co-design signed off; v1 of the specification commented on by the panel; v2 changed because of
/// those comments (each answered with a link to the change); v2 open for comment now, with one comment still
/// waiting for an answer; a glossary with agreed and suggested terms; a co-produced outcome framework.
/// Built through the domain; DemoCycles adds it when no cycle has its title, so running again adds nothing.
/// </summary>
public static class DemoSpecificationCycle
{
    public const string Title = "Recovery college and peer support, Harbourside";

    internal static void Add(CoproDbContext db, DemoCycles.Cast p, DateTimeOffset now)
    {
        var start = now.AddDays(-75);
        DateTimeOffset Day(double days) => start.AddDays(days);

        var cycle = Must(CommissioningCycle.Create(
            Title,
            "Recovery and peer support",
            "Adults aged 18 and over in Harbourside living with mental health problems, the people who care for them, and staff who want to learn alongside them.",
            420_000m,
            DateOnly.FromDateTime(start.UtcDateTime),
            DemoCycles.CommissioningBody,
            p.Commissioner,
            Day(0)));
        DemoCycles.AddMembers(db, cycle, p, Day(0), withProvider: true);
        Must(cycle.SetChampion(p.Champion, CycleRole.Commissioner, Day(0.01)));
        AddEarlierStages(cycle, p, Day);

        var specification = AddSpecification(cycle, p, Day, now);
        AddGlossary(db, cycle, p, Day);
        db.Cycles.Add(cycle);
        db.Specifications.Add(specification);
    }

    private static void AddEarlierStages(CommissioningCycle cycle, DemoCycles.Cast p, Func<double, DateTimeOffset> day)
    {
        var courses = Must(cycle.AddContribution(StageKind.NeedsAssessment, p.Panel, CycleRole.PanelMember, Voice.LivedExperience, Channel.Online, ContributionVisibility.Everyone,
            "Learning about my own recovery helped more than being told about it",
            "The wellbeing course I did in another town was taught by someone who had been in hospital too. It was the first time I felt like a student, not a patient.",
            day(4)));
        var carers = Must(cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, p.Champion, CycleRole.CoProductionChampion, null, 6,
            Voice.Carer, Channel.Workshop, ContributionVisibility.Everyone,
            "Carers' group: we want to learn alongside the person we care for",
            "Six carers at the Harbourside carers' group said courses are always for patients or for staff, never for families, and that learning together would help them talk at home.",
            day(9)));
        Must(cycle.Respond(courses.Id, p.Commissioner, CycleRole.Commissioner, ResponseType.Adopted,
            "Courses designed and taught together by peer trainers and professionals are now the heart of the service we will commission.", day(16)));
        Must(cycle.Respond(carers.Id, p.Champion, CycleRole.CoProductionChampion, ResponseType.Adopted,
            "Carers and families will be able to enrol on every course, on their own or with the person they care for.", day(16.2)));
        Must(cycle.RecordDecision(StageKind.NeedsAssessment, new DecisionDetails(
            "A recovery college open to people, carers and staff",
            "Harbourside needs a recovery college where people with mental health problems, their carers and staff learn together, with peer support alongside.",
            DecisionMode.CoProduced,
            "",
            CoProductionLadderRung.CoProduction,
            day(18),
            [
                new DecisionParticipant(p.Commissioner, CycleRole.Commissioner),
                new DecisionParticipant(p.Panel, CycleRole.PanelMember),
                new DecisionParticipant(p.Carer, CycleRole.PanelMember),
            ],
            [
                new DecisionInfluence(courses.Id, "Put learning with peer trainers at the centre."),
                new DecisionInfluence(carers.Id, "Opened every course to carers and families."),
            ]), p.Commissioner, CycleRole.Commissioner, day(18.1)));
        Must(cycle.SignOff(StageKind.NeedsAssessment, p.Commissioner, CycleRole.Commissioner,
            "Needs agreed with the panel and the carers' group.", day(20)));

        var model = Must(cycle.LogContributionOnBehalf(StageKind.CoDesign, p.Champion, CycleRole.CoProductionChampion, null, 9,
            Voice.LivedExperience, Channel.Workshop, ContributionVisibility.Everyone,
            "Co-design workshop: courses in community venues, not in hospital buildings",
            "Nine people at the workshop in the Harbourside Library said they would not go to a course held at the hospital. Libraries, community centres and the college campus were preferred.",
            day(30)));
        Must(cycle.Respond(model.Id, p.Commissioner, CycleRole.Commissioner, ResponseType.Adopted,
            "No course will be held on a hospital site. The preferred model uses the library, two community centres and the college campus.", day(36)));
        Must(cycle.RecordDecision(StageKind.CoDesign, new DecisionDetails(
            "Preferred model: a recovery college in community venues with a peer support team",
            "A recovery college running courses in community venues, co-designed and co-taught by peer trainers, with a peer support team for one-to-one support between courses.",
            DecisionMode.CoProduced,
            "",
            CoProductionLadderRung.CoProduction,
            day(38),
            [
                new DecisionParticipant(p.Commissioner, CycleRole.Commissioner),
                new DecisionParticipant(p.Champion, CycleRole.CoProductionChampion),
                new DecisionParticipant(p.Panel, CycleRole.PanelMember),
            ],
            [new DecisionInfluence(model.Id, "Moved every course out of hospital buildings.")]), p.Commissioner, CycleRole.Commissioner, day(38.1)));
        Must(cycle.SignOff(StageKind.CoDesign, p.Commissioner, CycleRole.Commissioner,
            "Preferred model agreed at the second co-design workshop.", day(40)));
    }

    private static ServiceSpecification AddSpecification(CommissioningCycle cycle, DemoCycles.Cast p, Func<double, DateTimeOffset> day, DateTimeOffset now)
    {
        Guid whoFor = Guid.CreateVersion7(), whatItOffers = Guid.CreateVersion7(), whenAndWhere = Guid.CreateVersion7(), peerTrainers = Guid.CreateVersion7();
        Guid confidenceOutcome = Guid.CreateVersion7(), connectionsOutcome = Guid.CreateVersion7();
        var levelsConfidence = new RatingLevels(
            "Few people who finish a course say they feel more able to manage their mental health.",
            "About half of people who finish a course say they feel more able to manage.",
            "Most people who finish a course say they feel more able to manage, and can name something they now do differently.",
            "Most people also say they have used what they learned to plan for a difficult time.",
            "People say they now teach or support others with what they learned.");
        var levelsConnections = new RatingLevels(
            "Most people know nobody else at the college after their course.",
            "Some people keep in touch with someone they met.",
            "Most people say they met someone they still see or talk to.",
            "Most people also take part in a group or activity outside the college.",
            "People say they have a circle of support they built themselves.");

        var v1 = new VersionDraft(
            "First draft, written from the preferred model.",
            [
                new SectionDraft(whoFor, "Who the service is for",
                    "Adults aged 18 and over who live in Harbourside and have experience of mental health problems.\n\n"
                        + "Staff from health, social care and the voluntary sector can enrol on courses alongside students.",
                    "Adults in Harbourside who have had mental health problems."),
                new SectionDraft(whatItOffers, "What the service offers",
                    "- A prospectus of at least **30 courses** a year, each co-designed and co-taught by a peer trainer and a professional.\n"
                        + "- One-to-one **peer support** between courses for up to 12 weeks.\n"
                        + "- A personal learning plan made with each student.",
                    "Courses about recovery, and support from people who have been there."),
                new SectionDraft(whenAndWhere, "When and where courses run",
                    "Courses run on weekdays between 10am and 4pm at Harbourside Library, Northgate Community Centre and the college campus.\n\n"
                        + "No course is held on a hospital site.",
                    "Weekday daytime courses in community buildings."),
                new SectionDraft(peerTrainers, "Peer trainers and staff",
                    "At least half of the teaching team are peer trainers with lived experience of mental health problems, employed and paid at the same rate as other trainers.",
                    "Half the teachers have been through it themselves."),
            ],
            [
                new OutcomeDraft(confidenceOutcome, "I feel more able to manage my own mental health", OutcomeDomain.MentalWellbeing,
                    "Students' own ratings at the start and end of each course, and 3 months later.", levelsConfidence),
                new OutcomeDraft(connectionsOutcome, "I have people I can turn to", OutcomeDomain.SocialNetworks,
                    "What students say at their 3-month follow-up conversation.", levelsConnections),
            ]);
        var specification = Must(ServiceSpecification.Start(cycle, v1, p.Commissioner, CycleRole.Commissioner, day(44)));
        Must(specification.OpenForComment(cycle, day(58), providersMayComment: false, p.Commissioner, CycleRole.Commissioner, day(45)));

        var version1 = specification.Latest;
        var evenings = Must(specification.Comment(cycle, version1.SectionFor(whenAndWhere)!.Id, p.Panel, CycleRole.PanelMember, Voice.LivedExperience, ContributionVisibility.Everyone,
            "Please run some courses in the evening and on Saturdays",
            "I work during the day now. If courses are only 10 to 4 on weekdays, the people who are doing better are shut out.",
            day(47)));
        var carersComment = Must(specification.Comment(cycle, version1.SectionFor(whoFor)!.Id, p.Carer, CycleRole.PanelMember, Voice.Carer, ContributionVisibility.Everyone,
            "Carers are missing from who the service is for",
            "The needs assessment said carers and families could enrol on every course, but this section only mentions students and staff.",
            day(49)));
        var wages = Must(specification.Comment(cycle, version1.SectionFor(peerTrainers)!.Id, p.Panel, CycleRole.PanelMember, Voice.LivedExperience, ContributionVisibility.Everyone,
            "Peer trainers need supervision as well as equal pay",
            "Teaching about your own recovery can bring things back. Peer trainers should have regular supervision from someone who understands that.",
            day(51)));

        var draft = specification.Latest.ToDraft();
        Must(specification.SaveVersion(cycle, 1, draft with
        {
            ChangeSummary = "Evening and Saturday courses; carers and families named; supervision for peer trainers. All from panel comments.",
            Sections = [.. draft.Sections.Select(s => s.SectionId switch
            {
                var id when id == whoFor => s with
                {
                    Body = "Adults aged 18 and over who live in Harbourside and have experience of mental health problems, "
                        + "and the **carers and families** who support them, on their own or together.\n\n"
                        + "Staff from health, social care and the voluntary sector can enrol on courses alongside students.",
                    PlainSummary = "Adults in Harbourside who have had mental health problems, and their carers and families.",
                    Answers = [new AnsweredComment(carersComment.Id, ResponseType.Adopted)],
                },
                var id when id == whenAndWhere => s with
                {
                    Body = "Courses run on weekdays between 10am and 4pm, on **two evenings a week until 9pm**, and on **Saturday mornings**, "
                        + "at Harbourside Library, Northgate Community Centre and the college campus.\n\n"
                        + "No course is held on a hospital site.",
                    PlainSummary = "Daytime, evening and Saturday courses in community buildings.",
                    Answers = [new AnsweredComment(evenings.Id, ResponseType.Adopted)],
                },
                var id when id == peerTrainers => s with
                {
                    Body = "At least half of the teaching team are peer trainers with lived experience of mental health problems, employed and paid at the same rate as other trainers.\n\n"
                        + "Every peer trainer has **supervision at least once a month** from a supervisor with lived experience.",
                    Answers = [new AnsweredComment(wages.Id, ResponseType.Adapted,
                        "Every peer trainer now has supervision at least once a month. We have asked for a supervisor with lived experience "
                            + "rather than a clinical supervisor, as the panel said this matters more.")],
                },
                _ => s,
            })],
        }, p.Commissioner, CycleRole.Commissioner, day(60)));

        // v2 is open for comment now, providers too; one comment is still waiting for an answer.
        Must(specification.OpenForComment(cycle, now.AddDays(9), providersMayComment: true, p.Commissioner, CycleRole.Commissioner, day(61)));
        Must(specification.Comment(cycle, specification.Latest.OutcomeFor(connectionsOutcome)!.Id, p.Panel, CycleRole.PanelMember, Voice.LivedExperience, ContributionVisibility.Everyone,
            "Count friendships made online too",
            "Some of us keep in touch through group chats rather than meeting up. That still counts as having people to turn to.",
            day(66)));
        return specification;
    }

    private static void AddGlossary(CoproDbContext db, CommissioningCycle cycle, DemoCycles.Cast p, Func<double, DateTimeOffset> day)
    {
        List<string> terms = [];
        void Add(string term, string meaning, string userId, CycleRole role, double at)
        {
            db.GlossaryTerms.Add(Must(GlossaryTerm.Add(cycle, terms, term, meaning, userId, role, day(at))));
            terms.Add(term);
        }

        Add("peer trainer", "Someone with their own experience of mental health problems who is trained and paid to design and teach courses.",
            p.Commissioner, CycleRole.Commissioner, 43);
        Add("recovery college", "A place to learn about mental health and recovery as a student, on courses open to everyone, not a treatment service.",
            p.Commissioner, CycleRole.Commissioner, 43.1);
        Add("supervision", "Regular time with an experienced colleague to talk about your work and how it is affecting you.",
            p.Commissioner, CycleRole.Commissioner, 60.5);
        Add("prospectus", "The list of courses for the year, with what each one covers and when it runs.",
            p.Panel, CycleRole.PanelMember, 62);
    }
}
