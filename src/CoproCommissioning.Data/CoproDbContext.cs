using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Data.Reading;
using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Feedback;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.NeedsAssessment;
using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace CoproCommissioning.Data;

public sealed class CoproDbContext(DbContextOptions<CoproDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public const int EnumMaxLength = 40;

    public DbSet<CommissioningCycle> Cycles => Set<CommissioningCycle>();
    public DbSet<CycleMembership> Memberships => Set<CycleMembership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<EvidenceItem> EvidenceItems => Set<EvidenceItem>();
    public DbSet<IdentifiedNeed> IdentifiedNeeds => Set<IdentifiedNeed>();
    public DbSet<InequalityGroup> InequalityGroups => Set<InequalityGroup>();
    public DbSet<CoDesignSession> CoDesignSessions => Set<CoDesignSession>();
    public DbSet<ProviderProposal> ProviderProposals => Set<ProviderProposal>();
    public DbSet<ServiceSpecification> Specifications => Set<ServiceSpecification>();
    public DbSet<GlossaryTerm> GlossaryTerms => Set<GlossaryTerm>();
    public DbSet<CycleProcurement> Procurements => Set<CycleProcurement>();

    public DbSet<Bid> Bids => Set<Bid>();

    public DbSet<Scorecard> Scorecards => Set<Scorecard>();

    /// <summary>The contract monitored in a cycle's last stage, with its KPIs, periods and reviews.</summary>
    public DbSet<CycleMonitoring> Monitorings => Set<CycleMonitoring>();

    public DbSet<ProviderReturn> ProviderReturns => Set<ProviderReturn>();

    public DbSet<PanelRating> PanelRatings => Set<PanelRating>();

    public DbSet<AllianceLeadershipTeam> AllianceTeams => Set<AllianceLeadershipTeam>();

    public DbSet<Lesson> Lessons => Set<Lesson>();

    /// <summary>Where each piece of a cycle's evidence carried from an earlier cycle came from.</summary>
    public DbSet<CarriedEvidence> CarriedEvidence => Set<CarriedEvidence>();
    public DbSet<ServiceFeedback> Feedback => Set<ServiceFeedback>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>Which answers each person has seen on "What happened to my input".</summary>
    public DbSet<SeenResponse> SeenResponses => Set<SeenResponse>();

    /// <summary>Emails written with the change that causes them, sent afterwards by the outbox worker.</summary>
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    // Shared key ring so every app instance behind a load balancer can read the others' cookies.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CoproDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names: readable in SQL and safe when members are reordered.
        var enums = typeof(CommissioningCycle).Assembly.GetTypes().Append(typeof(AuditAction))
            .Concat([typeof(OutboxStatus), typeof(NotificationKind), typeof(NotificationFrequency)]).Where(t => t.IsEnum);
        foreach (var type in enums)
        {
            configurationBuilder.Properties(type).HaveConversion<string>().HaveMaxLength(EnumMaxLength);
        }
    }
}
