using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;
using static CoproCommissioning.Web.DemoData.DemoOutcomes;

namespace CoproCommissioning.Web.DemoData;

/// <summary>
/// A fourth demo cycle, at its procurement stage, so a newcomer can see a competitive procurement with people who use
/// services on the panel: earlier stages signed off with the panel's input answered and an approved specification; the
/// Provider Selection Regime's Competitive Process chosen with its answers and reason; the key criteria reweighted, with a
/// co-production criterion citing the panel's input; a panel of four (an officer, a clinical adviser and two
/// lived-experience evaluators), all briefed, one restricted from one provider's bid because of a declared interest;
/// three bids, one from a consortium; every scorecard submitted with a comment on each score; one criterion moderated
/// with its reason and the rest still to moderate; the award not yet made.
/// Built through the domain; DemoCycles adds it when no cycle has its title, so running again adds nothing.
/// </summary>
public static class DemoProcurementCycle
{
    public const string Title = "Crisis café and evening safe haven, Harbourside";
    public const string SecondPanelEmail = "panel2@demo.copro.test";
    public const string SanctuaryEmail = "provider2@demo.copro.test";
    public const string NorthgateEmail = "provider3@demo.copro.test";
    public const string SanctuaryOrganisation = "Harbour Lights Sanctuary";
    public const string NorthgateOrganisation = "Northgate Community Trust";

    internal static async Task AddAsync(CoproDbContext db, DemoCycles.Cast p, DateTimeOffset now, CancellationToken ct)
    {
        var emails = new[] { SecondPanelEmail, SanctuaryEmail, NorthgateEmail };
        var users = await db.Users.Where(u => emails.Contains(u.Email)).ToDictionaryAsync(u => u.Email!, ct);
        if (users.Count != emails.Length)
        {
            throw new InvalidOperationException("Demo data: seed the demo accounts before the procurement demo cycle.");
        }

        var sanctuary = await DemoCycles.OrganisationAsync(db, SanctuaryOrganisation, OrganisationKind.UserLedOrganisation, ct);
        var northgate = await DemoCycles.OrganisationAsync(db, NorthgateOrganisation, OrganisationKind.VoluntaryOrCommunityOrganisation, ct);
        users[SanctuaryEmail].OrganisationId ??= sanctuary.Id;
        users[NorthgateEmail].OrganisationId ??= northgate.Id;
        var cast = new Cast(
            p,
            users[SecondPanelEmail].Id,
            new Bidder(p.Provider, p.ProviderOrganisation),
            new Bidder(users[SanctuaryEmail].Id, sanctuary.Id),
            new Bidder(users[NorthgateEmail].Id, northgate.Id));
        new Builder(db, cast, now.AddDays(-130)).Add();
    }

    /// <summary>The demo accounts, the second lived-experience panel member and the three bidders (the demo provider first).</summary>
    private sealed record Cast(DemoCycles.Cast People, string SecondPanel, Bidder Wellbeing, Bidder Sanctuary, Bidder Northgate);

    private sealed record Bidder(string UserId, Guid OrganisationId);

    private sealed class Builder(CoproDbContext db, Cast cast, DateTimeOffset start) : DemoStageBuilder(cast.People)
    {
        private readonly CommissioningCycle _cycle = Must(CommissioningCycle.Create(
            Title,
            "Crisis care",
            "Adults aged 18 and over in Harbourside who are in a mental health crisis or close to one, especially in the evening and at night, "
                + "and the friends and family who come with them.",
            560_000m,
            DateOnly.FromDateTime(start.UtcDateTime),
            DemoCycles.CommissioningBody,
            cast.People.Commissioner,
            start));

        protected override CommissioningCycle Cycle => _cycle;

        protected override DateTimeOffset Day(double days) => start.AddDays(days);

        public void Add()
        {
            DemoCycles.AddMembers(db, _cycle, People, Day(0), withProvider: true);
            db.Memberships.AddRange(
                Must(CycleMembership.Create(_cycle.Id, cast.SecondPanel, CycleRole.PanelMember, Voice.LivedExperience, null, People.Commissioner, Day(0))),
                Must(CycleMembership.Create(_cycle.Id, cast.Sanctuary.UserId, CycleRole.Provider, null, cast.Sanctuary.OrganisationId, People.Commissioner, Day(0))),
                Must(CycleMembership.Create(_cycle.Id, cast.Northgate.UserId, CycleRole.Provider, null, cast.Northgate.OrganisationId, People.Commissioner, Day(0))));
            Must(_cycle.SetChampion(People.Champion, CycleRole.Commissioner, Day(0.01)));

            var (dropIn, walkIn) = AddEarlierStages();
            var specification = AddSpecification();
            var procurement = AddProcurement(specification, dropIn, walkIn);
            var bids = AddPanelAndBids(procurement);
            var scorecards = AddScores(procurement, bids);
            Moderate(procurement, bids, scorecards);
            db.Cycles.Add(_cycle);
            db.Specifications.Add(specification);
            db.Procurements.Add(procurement);
        }

        private (Contribution DropIn, Contribution WalkIn) AddEarlierStages()
        {
            var evenings = Said(StageKind.NeedsAssessment, People.Panel, CycleRole.PanelMember, Voice.LivedExperience,
                "My crises start in the evening, when everything is shut",
                "Things nearly always fall apart for me after 7pm. The crisis line told me to go to A&E, where I sat for seven hours under bright lights. "
                    + "What I needed was somewhere calm to sit with someone who understood, and a cup of tea, until the worst had passed.",
                4);
            var dropIn = Must(_cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, People.Champion, CycleRole.CoProductionChampion, null, 8,
                Voice.LivedExperience, Channel.Workshop, ContributionVisibility.Everyone,
                "Drop-in at Harbourside Library: people want a crisis café run by peers and open late",
                "Eight people who have used crisis services came to the drop-in. Most said they would have gone to a crisis café instead of A&E if one had been open.\n"
                    + "They want it staffed by people who have been through a crisis themselves, open until late, and in a building that does not feel like a hospital.",
                Day(9), origin: new InputOrigin(DateOnly.FromDateTime(Day(8).UtcDateTime), GivenBy: "people at the Harbourside Library drop-in")));
            Said(StageKind.NeedsAssessment, People.Clinician, CycleRole.ClinicalAdviser, Voice.Clinician,
                "Most mental health visits to A&E happen between 6pm and 2am",
                "Last year 2,140 people came to Harbourside A&E mainly because of their mental health. 61% arrived between 6pm and 2am, and fewer than one in five were admitted.",
                12);
            Agree(StageKind.NeedsAssessment, 16,
                [
                    new(evenings, ResponseType.Adopted,
                        "A calm place to go in the evening and at night is now the need this cycle will meet, so people are not sent to A&E by default.",
                        "Set the service around the evening and the night."),
                    new(dropIn, ResponseType.Adopted,
                        "The service will be staffed by peers with their own experience of crisis, in a community building, not a hospital.",
                        "Put peers at the heart of the service."),
                ],
                "A calm place to go in a crisis, open in the evening and at night",
                "Harbourside needs a crisis café: a calm, welcoming place, run with peers, where people can go in the evening and at night instead of A&E.",
                "Need agreed with the panel, using what people told us online and at the Harbourside Library drop-in, and the A&E figures.");

            var walkIn = Said(StageKind.CoDesign, cast.SecondPanel, CycleRole.PanelMember, Voice.LivedExperience,
                "Let people walk in without a referral or an NHS number",
                "The last time I was in crisis I could not have filled in a form or remembered my NHS number. If the door asks for a referral, people like me will turn round and go home.",
                26);
            Said(StageKind.CoDesign, People.Provider, CycleRole.Provider, Voice.Provider,
                "Our evening space in Northgate shows what peers can do",
                "Harbourside Community Wellbeing has run a peer-led evening space in Northgate two nights a week since 2024. "
                    + "70% of the people who came said they would otherwise have gone to A&E or called 999.",
                29);
            Agree(StageKind.CoDesign, 33,
                [new(walkIn, ResponseType.Adopted, "Anyone can walk in. Nobody will be asked for a referral, a form or an NHS number at the door.",
                    "Made walking in the way into the service.")],
                "Preferred model: a peer-led crisis café that people can walk into, linked to the crisis team",
                "A crisis café open every evening, run by peers with mental health staff on hand, that anyone can walk into, with a quiet room and a direct line to the crisis team.",
                "Preferred model agreed with the panel at the co-design meeting.");
            return (dropIn, walkIn);
        }

        // Respond to each piece of input, record the co-produced decision it shaped, then sign the stage off.
        protected override DecisionParticipant[] Participants() =>
        [
            new(People.Commissioner, CycleRole.Commissioner),
            new(People.Champion, CycleRole.CoProductionChampion),
            new(People.Panel, CycleRole.PanelMember),
            new(cast.SecondPanel, CycleRole.PanelMember),
        ];

        private ServiceSpecification AddSpecification()
        {
            Guid whoFor = Guid.CreateVersion7(), whatItOffers = Guid.CreateVersion7(), hours = Guid.CreateVersion7(), throughTheNight = Guid.CreateVersion7();
            SectionDraft WhoFor(string body) => new(whoFor, "Who the service is for", body, "Adults in Harbourside in a mental health crisis, and people who come with them.");
            SectionDraft Hours(string body) => new(hours, "When and where it is open", body, "Every evening, in a community building.");
            var v1 = new VersionDraft(
                "First draft, written from the preferred model.",
                [
                    WhoFor("Adults aged 18 and over in Harbourside who are in a mental health crisis or feel close to one. Friends and family can come with them."),
                    new(whatItOffers, "What the service offers",
                        "- A calm, welcoming space with a **quiet room**, staffed by **peer supporters** and mental health staff.\n"
                            + "- Time to talk, a safety plan written with each visitor, and help to get home safely.\n"
                            + "- A direct line to the crisis team when someone needs an urgent assessment.",
                        "Somewhere calm to go, with people who understand."),
                    Hours("Open from 6pm to midnight every day, in a community building in central Harbourside. Anyone can walk in without a referral."),
                ],
                [
                    new(throughTheNight, "I got through the night without going to A&E", OutcomeDomain.Safety,
                        "What visitors say when they leave and at a follow-up call the next day.",
                        new RatingLevels(
                            "Most visitors still go on to A&E or call 999 the same night.",
                            "About half of visitors go home or to a safe place.",
                            "Most visitors go home or to a safe place, with a safety plan.",
                            "Most visitors also say they know what to do if it happens again.",
                            "Visitors say they now use the café before things reach a crisis.")),
                ]);
            var specification = Must(ServiceSpecification.Start(_cycle, v1, People.Commissioner, CycleRole.Commissioner, Day(41)));
            Must(specification.OpenForComment(_cycle, Day(52), providersMayComment: false, People.Commissioner, CycleRole.Commissioner, Day(42)));
            var lateNights = Must(specification.Comment(_cycle, specification.Latest.SectionFor(hours)!.Id, People.Panel, CycleRole.PanelMember, Voice.LivedExperience,
                ContributionVisibility.Everyone, "Stay open until 2am at weekends",
                "Friday and Saturday nights are the hardest. Closing at midnight sends people to A&E at exactly the wrong time.", Day(45)));
            var drinking = Must(specification.Comment(_cycle, specification.Latest.SectionFor(whoFor)!.Id, cast.SecondPanel, CycleRole.PanelMember, Voice.LivedExperience,
                ContributionVisibility.Everyone, "Say that nobody is turned away for having had a drink",
                "A lot of people in crisis have had a drink. If they are turned away they end up in A&E or in a police cell.", Day(47)));

            var draft = specification.Latest.ToDraft();
            Must(specification.SaveVersion(_cycle, 1, draft with
            {
                ChangeSummary = "Open until 2am on Fridays and Saturdays; nobody turned away for having had a drink. Both from panel comments.",
                Sections = [.. draft.Sections.Select(s => s.SectionId switch
                {
                    var id when id == hours => Hours("Open from 6pm to midnight Sunday to Thursday and **until 2am on Fridays and Saturdays**, in a community building "
                        + "in central Harbourside. Anyone can walk in without a referral.") with { Answers = [new AnsweredComment(lateNights.Id, ResponseType.Adopted)] },
                    var id when id == whoFor => WhoFor("Adults aged 18 and over in Harbourside who are in a mental health crisis or feel close to one. Friends and family "
                        + "can come with them.\n\nNobody is turned away for having had a drink. Someone who is too drunk to be safe is helped to get medical care.")
                        with
                        {
                            Answers = [new AnsweredComment(drinking.Id, ResponseType.Adapted,
                                "Nobody is turned away for having had a drink. The clinical adviser asked that someone too drunk to be safe is helped to get medical care, so the section says so.")],
                        },
                    _ => s,
                })],
            }, People.Commissioner, CycleRole.Commissioner, Day(53)));
            Must(specification.Approve(_cycle, 2, new ApprovalDetails(DecisionMode.CoProduced, "", CoProductionLadderRung.CoProduction, Participants(),
                [
                    new DecisionInfluence(lateNights.Id, "Moved weekend closing to 2am."),
                    new DecisionInfluence(drinking.Id, "Made clear that nobody is turned away for having had a drink."),
                ], "Agreed at the panel meeting."), People.Commissioner, CycleRole.Commissioner, Day(55)));
            Must(_cycle.SignOff(StageKind.Specification, People.Commissioner, CycleRole.Commissioner,
                "Version 2 of the specification approved with the panel. Both panel comments changed it.", Day(57),
                ServiceSpecification.SignOffConditions(specification)));
            return specification;
        }

        private CycleProcurement AddProcurement(ServiceSpecification specification, Contribution dropIn, Contribution walkIn)
        {
            var runIt = Said(StageKind.Procurement, People.Panel, CycleRole.PanelMember, Voice.LivedExperience,
                "Ask bidders how people who use the café will help run it",
                "Every provider says it listens. Ask them how visitors will actually change things, and whether they will be paid for their time.",
                59);
            Must(_cycle.Respond(runIt.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted,
                "The co-production criterion now asks bidders how visitors will help run and review the café, and how they will be paid. The panel will score it.",
                Day(60)));

            var procurement = Must(CycleProcurement.Start(_cycle, new RouteChoice(
                ProcurementRegime.ProviderSelectionRegime,
                ProcurementRoute.CompetitiveProcess,
                new RouteQuestions(ExistingProvider: false, OnlyCapableProvider: null, UnrestrictedChoice: false, SatisfactoryAndNoConsiderableChange: null),
                "This is a new service with no existing provider, and people will not choose between providers. Several local organisations told us at "
                    + "co-design that they could run it, so a competitive process gives each a fair chance and lets the panel compare them."),
                People.Commissioner, CycleRole.Commissioner, Day(61)));
            Must(procurement.AddStartingSet(_cycle, People.Commissioner, CycleRole.Commissioner, Day(61.1)));
            var citations = new CriterionCitations(
                specification.Latest.Sections.Select(s => s.SectionId).ToHashSet(),
                _cycle.Stages.SelectMany(s => s.Contributions).Where(c => c.Voice is Voice.LivedExperience or Voice.Carer).Select(c => c.Id).ToHashSet());
            var sections = specification.Latest.Sections.ToDictionary(s => s.Title, s => s.SectionId);
            void Reweigh(int position, int weight, string[] sectionTitles, Contribution[] shapedBy, string? description = null)
            {
                var c = procurement.Criteria[position];
                Must(procurement.ChangeCriterion(_cycle, c.Id,
                    new CriterionDraft(c.Name, description ?? c.Description, c.Kind, weight, c.KeyCriterion, c.IsCoProduction,
                        [.. sectionTitles.Select(t => sections[t])], [.. shapedBy.Select(x => x.Id)]),
                    citations, People.Commissioner, CycleRole.Commissioner, Day(61.2 + (position * 0.01))));
            }

            // Quality down to 25 and access up to 20: the panel said who can get in matters as much as what happens inside.
            Reweigh(0, 25, ["What the service offers"], [dropIn]);
            Reweigh(3, 20, ["Who the service is for", "When and where it is open"], [walkIn]);
            Reweigh(5, 15, ["What the service offers"], [runIt, dropIn],
                "How visitors to the café will help run and review it, how their ideas will change what happens, and how they will be paid for their time.");
            return procurement;
        }

        private IReadOnlyList<Bid> AddPanelAndBids(CycleProcurement procurement)
        {
            var criteria = procurement.Criteria;
            var officer = AddEvaluator(procurement, People.Commissioner, CycleRole.Commissioner, EvaluatorRole.Officer, criteria, 0, 1, 4);
            var clinical = AddEvaluator(procurement, People.Clinician, CycleRole.ClinicalAdviser, EvaluatorRole.ClinicalAdviser, criteria, 0, 2);
            var jess = AddEvaluator(procurement, People.Panel, CycleRole.PanelMember, EvaluatorRole.LivedExperience, criteria, 0, 3, 5);
            var marcus = AddEvaluator(procurement, cast.SecondPanel, CycleRole.PanelMember, EvaluatorRole.LivedExperience, criteria, 3, 5);
            foreach (var evaluator in new[] { officer, clinical, jess, marcus })
            {
                Must(procurement.RecordBriefing(_cycle, evaluator.Id, DateOnly.FromDateTime(Day(63).UtcDateTime),
                    "Tom Okafor, co-production champion, with the ICB procurement team", People.Commissioner, CycleRole.Commissioner, Day(63.5)));
                var draft = evaluator == marcus
                    ? new DeclarationDraft(true,
                        "I go to the Saturday peer support group that Harbour Lights Sanctuary runs, and have helped set up the room a few times this year. I am not paid by them.",
                        ConflictAction.RestrictBids, [cast.Sanctuary.OrganisationId])
                    : new DeclarationDraft(false, null, null);
                Must(procurement.Declare(_cycle, evaluator.Id, draft, evaluator.UserId, Day(64)));
                Must(procurement.AcceptDeclaration(_cycle, evaluator.Id, People.Commissioner, CycleRole.Commissioner, Day(65)));
            }

            Must(procurement.OpenBidding(_cycle, Day(100), People.Commissioner, CycleRole.Commissioner, Day(67)));
            return
            [
                Tender(procurement, cast.Wellbeing, 70, 95, "Quay Street Housing Association\nNorth Harbour Recovery Network",
                    "Draft staff rota (2 pages). Letters of support from Harbourside Library and Quay Street Housing Association.",
                    "A crisis café in the Quay Street community hub, open 5pm to midnight on weekdays and until 2am on Fridays and Saturdays. Every shift has two peer "
                        + "supporters and a mental health nurse. A peer welcomes people at the door, there is a quiet room and a family room, and each visitor writes a "
                        + "safety plan with us before they leave.",
                    "£612,000 a year: 68% staff, 14% the building, 8% training and supervision, 10% management. We expect about 2,600 visits a year, about £235 a visit.",
                    "Shared records with the crisis team through the NHS trust's system, a direct line to the crisis team for urgent assessment, and warm handovers to "
                        + "the community rehabilitation team and the recovery college. Our housing partner offers an emergency bed when going home is not safe.",
                    "Walk in without a referral or NHS number. Text and web chat for people who cannot face coming in. Outreach in the Docks and Anchor wards with the "
                        + "North Harbour Recovery Network, BSL interpreting by video, and staff who speak Polish, Urdu and Somali.",
                    "Six of the ten peer supporter posts are for Harbourside residents with lived experience, paid the Real Living Wage or more, with a route to a "
                        + "level 3 qualification.",
                    "A visitors' group, chaired by a paid peer, meets monthly and reviews what visitors tell us. Two places on our board for people who have used the "
                        + "café."),
                Tender(procurement, cast.Sanctuary, 72, 97, "", "",
                    "A sanctuary run by people with lived experience, open 6pm to 2am every night in a converted house on Anchor Lane with a garden and two quiet rooms. "
                        + "Peers are trained in de-escalation and suicide first aid. A nurse from the crisis team would visit each night for anyone who needs a clinical assessment.",
                    "£548,000 a year: 74% staff, 11% the building, 7% training and supervision, 8% management. About 2,900 visits a year, about £190 a visit.",
                    "We will agree a way of working with the crisis team in our first three months. A peer will go with anyone who needs more help to A&E or the "
                        + "crisis team. We already work with the food bank and the Citizens Advice money clinic.",
                    "No referral, no forms, no NHS number. Open every night including bank holidays. Anyone can bring a friend or family member. Outreach at the "
                        + "Anchor Lane and Docks food banks, easy-read leaflets and a WhatsApp line.",
                    "Every paid role is open first to people with lived experience. Volunteers get paid training and a reference. We buy food and supplies from "
                        + "businesses within two miles.",
                    "We are user-led: two thirds of our trustees have used crisis services. Visitors vote on changes at a monthly house meeting, and what they decide "
                        + "goes straight to the board. Everyone who takes part is paid for their time."),
                Tender(procurement, cast.Northgate, 75, 99, "", "Our crisis café model: evaluation summary from two other areas (4 pages).",
                    "A crisis café on the ground floor of Northgate Health Centre, open 6pm to 11pm every day, with a senior practitioner, a support worker and a peer "
                        + "on each shift. It follows our crisis café model, with the trust's clinical governance and incident reporting.",
                    "£498,000 a year: 65% staff, 6% the building (shared with the health centre), 9% training, 20% management and central costs. About 2,400 visits "
                        + "a year, about £208 a visit.",
                    "Next door to the GP out-of-hours service and the crisis team's base, with shared records and a daily handover call. We link our cafés to "
                        + "NHS 111's mental health option in two other areas and would do the same here.",
                    "Phone before visiting, or be referred by a GP, NHS 111 or the crisis team. Walk-ins are welcome when there is space. A telephone "
                        + "interpreting service for other languages.",
                    "We pay the Real Living Wage and will offer two apprenticeships a year. Our volunteering programme is open to Harbourside residents.",
                    "A survey of visitors every three months and an annual review meeting everyone is invited to. Our national lived-experience advisory group "
                        + "reviews the service's reports."),
            ];
        }

        private Evaluator AddEvaluator(
            CycleProcurement procurement, string userId, CycleRole memberRole, EvaluatorRole role, IReadOnlyList<EvaluationCriterion> criteria, params int[] positions) =>
            Must(procurement.AddEvaluator(_cycle, userId, memberRole, role, [.. positions.Select(i => criteria[i].Id)], People.Commissioner, CycleRole.Commissioner, Day(62)));

        // A provider writes its bid, with an answer to each criterion in order, and submits it before the deadline.
        private Bid Tender(CycleProcurement procurement, Bidder bidder, double started, double submitted, string partners, string attachments, params string[] answers)
        {
            var bid = Must(Bid.Start(_cycle, procurement, bidder.OrganisationId, organisationHasBid: false, bidder.UserId, CycleRole.Provider, Day(started)));
            var responses = procurement.Criteria.Zip(answers).ToDictionary(x => x.First.Id, x => (string?)x.Second);
            Must(bid.Save(_cycle, procurement, new BidDraft(partners, responses, attachments), bidder.UserId, CycleRole.Provider, bidder.OrganisationId, Day(started + 3)));
            Must(bid.Submit(_cycle, procurement, bidder.UserId, CycleRole.Provider, bidder.OrganisationId, Day(submitted)));
            db.Bids.Add(bid);
            return bid;
        }

        private IReadOnlyList<Scorecard> AddScores(CycleProcurement procurement, IReadOnlyList<Bid> bids)
        {
            var (wellbeing, sanctuary, northgate) = (bids[0], bids[1], bids[2]);
            var c = procurement.Criteria;
            var (quality, value, integration, access, socialValue, coProduction) = (c[0], c[1], c[2], c[3], c[4], c[5]);
            var evaluators = procurement.Evaluators;
            return
            [
                ScoreAndSubmit(procurement, bids, evaluators[0], 102,
                    (wellbeing, quality, 3, "Clear model with peers at the door and a nurse on every shift. Safety plans before leaving are good practice. "
                        + "I would like more on how one nurse copes on a busy Saturday night."),
                    (wellbeing, value, 2, "The highest price of the three. The breakdown is clear, but management at 10% and the building cost are high for what is offered."),
                    (wellbeing, socialValue, 3, "Peer posts kept for local people, with a route to a qualification. Good, clear evidence."),
                    (sanctuary, quality, 3, "A calm setting, open every night until 2am. The clinical side depends on crisis team visits that are not yet agreed."),
                    (sanctuary, value, 3, "Lowest cost per visit and the most hours open. Staff costs look realistic for peers on the Real Living Wage."),
                    (sanctuary, socialValue, 4, "Every paid role open first to people with lived experience, paid training for volunteers and local buying. The strongest answer."),
                    (northgate, quality, 3, "A tested model with good governance and incident reporting. Closing at 11pm misses the hours the needs assessment showed matter most."),
                    (northgate, value, 3, "Lowest total price, helped by sharing the health centre. Central costs of 20% are high and not explained."),
                    (northgate, socialValue, 2, "Meets the criterion with the Real Living Wage and apprenticeships, but little that is specific to Harbourside.")),
                ScoreAndSubmit(procurement, bids, evaluators[1], 103,
                    (wellbeing, quality, 2, "Good peer model, but the plan for a medical emergency, such as someone who has taken an overdose, is thin. "
                        + "One nurse across a late shift is a risk on busy nights."),
                    (wellbeing, integration, 3, "Shared records and a direct line to the crisis team. The emergency bed from the housing partner fills a real gap."),
                    (sanctuary, quality, 2, "Peers well trained in de-escalation, but no clinician on site. Clinical assessment relies on a crisis team visit that is not agreed yet."),
                    (sanctuary, integration, 2, "Going with people to the crisis team is kind, but there is no agreed way of working yet and no shared records."),
                    (northgate, quality, 3, "A senior practitioner on every shift and proper clinical governance. Safe, though it reads more like a clinic than a café."),
                    (northgate, integration, 4, "The most joined-up answer: next door to the crisis team and GP out of hours, with shared records and a daily handover.")),
                ScoreAndSubmit(procurement, bids, evaluators[2], 104,
                    (wellbeing, quality, 4, "This is what we asked for. A peer at the door, a quiet room and a safety plan you write yourself. I would feel safe going there."),
                    (wellbeing, access, 3, "Walk in, text or web chat, and outreach in the Docks. Good for people who do not speak English. Not clear if it opens on bank holidays."),
                    (wellbeing, coProduction, 3, "A paid chair for the visitors' group and places on the board. I would like to know how visitors' ideas get acted on."),
                    (sanctuary, quality, 3, "A house with a garden sounds calming, and it is open every night. I worry a little about what happens if someone is very unwell."),
                    (sanctuary, access, 4, "No referral, no forms, open every night including bank holidays, and you can bring someone with you. Exactly right."),
                    (sanctuary, coProduction, 4, "It is run by people like us, visitors decide things at the house meeting and they are paid. The strongest by a long way."),
                    (northgate, quality, 2, "A health centre at night still feels like a hospital. Closing at 11pm is when my crises are only getting started."),
                    (northgate, access, 2, "Having to phone first will put people off. Walk-ins only 'when there is space' is not good enough in a crisis."),
                    (northgate, coProduction, 1, "A survey and a yearly meeting is asking people, not involving them. The advisory group is national, not local.")),
                ScoreAndSubmit(procurement, bids, evaluators[3], 105,
                    (wellbeing, access, 3, "Text and web chat matter for people who cannot face a room of strangers. Outreach in the Docks is welcome."),
                    (wellbeing, coProduction, 2, "The visitors' group is good, but it meets once a month and nothing says visitors are paid. Needs more detail."),
                    (northgate, access, 4, "Being linked to NHS 111 and next to the GP out of hours means people will be sent there. That makes it easy to find."),
                    (northgate, coProduction, 2, "They will ask for views, but nothing says visitors can change how the café runs.")),
            ];
        }

        // An evaluator scores each bid they may read on each criterion they were given, with a comment, then submits.
        private Scorecard ScoreAndSubmit(
            CycleProcurement procurement, IReadOnlyList<Bid> bids, Evaluator evaluator, double at,
            params (Bid Bid, EvaluationCriterion Criterion, int Level, string Comment)[] scores)
        {
            var scorecard = Scorecard.For(procurement, evaluator, Day(at));
            foreach (var (score, i) in scores.Select((s, i) => (s, i)))
            {
                Must(scorecard.Score(_cycle, procurement, score.Bid, score.Criterion.Id, score.Level, score.Comment, evaluator.UserId, Day(at).AddMinutes(10 * (i + 1))));
            }

            Must(scorecard.Submit(_cycle, procurement, bids, evaluator.UserId, Day(at + 0.5)));
            db.Scorecards.Add(scorecard);
            return scorecard;
        }

        // The panel met and agreed one flagged score; the rest are still to moderate, and the award is not made.
        private void Moderate(CycleProcurement procurement, IReadOnlyList<Bid> bids, IReadOnlyList<Scorecard> scorecards)
        {
            var standing = Evaluation.Of(procurement, bids, scorecards, Day(112)).Single(s => s.Bid == bids[0]);
            var quality = standing.Criteria.Single(c => c.Criterion.Id == procurement.Criteria[0].Id);
            Must(procurement.Moderate(_cycle, quality, bids[0], 3,
                "The panel agreed 3 at the moderation meeting. Everyone agreed the peer welcome and the quiet room are strong, which is why Jess scored 4. "
                    + "Dr Iqbal scored 2 because the plan for a medical emergency is thin. The bid names the crisis team but not how quickly they would come, "
                    + "so the answer meets the criterion fully but is not excellent.",
                People.Commissioner, CycleRole.Commissioner, Day(112)));
        }
    }
}
