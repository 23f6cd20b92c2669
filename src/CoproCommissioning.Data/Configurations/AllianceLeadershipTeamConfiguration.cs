using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Organisations;

namespace CoproCommissioning.Data.Configurations;

public sealed class AllianceLeadershipTeamConfiguration : IEntityTypeConfiguration<AllianceLeadershipTeam>
{
    public void Configure(EntityTypeBuilder<AllianceLeadershipTeam> builder)
    {
        builder.ToTable("alliance_teams");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.CreatedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        // Two members voting, or changing the register, at once: one wins and the other is told (R8).
        builder.Property(t => t.Version).IsRowVersion();
        builder.Ignore(t => t.Decisions);
        builder.Ignore(t => t.Risks);
        builder.Ignore(t => t.Disputes);
        builder.Ignore(t => t.RatedPeriodIds);

        // One leadership team per cycle.
        builder.HasIndex(t => t.CycleId).IsUnique();
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(t => t.CycleId).OnDelete(DeleteBehavior.Cascade);

        builder.OwnsMany(t => t.Members, members =>
        {
            members.ToTable("alliance_members");
            members.WithOwner().HasForeignKey("TeamId");
            members.HasKey(m => m.Id);
            members.Property(m => m.Id).ValueGeneratedNever();
            members.Property(m => m.UserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            members.Property(m => m.AddedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            members.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(t => t.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany<AllianceDecision>("_decisions", decisions =>
        {
            decisions.ToTable("alliance_decisions");
            decisions.WithOwner().HasForeignKey("TeamId");
            decisions.HasKey(d => d.Id);
            decisions.Property(d => d.Id).ValueGeneratedNever();
            decisions.Property(d => d.Title).HasMaxLength(AllianceDecision.TitleMaxLength).IsRequired().IsPersonalText();
            // A proposal, like a decision's rationale, can name the people and services it concerns.
            decisions.Property(d => d.Proposal).HasMaxLength(AllianceDecision.ProposalMaxLength).IsRequired().IsPersonalText();
            decisions.Property(d => d.ProposedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            decisions.Ignore(d => d.IsCarried);
            decisions.OwnsMany(d => d.Votes, votes =>
            {
                votes.ToTable("alliance_votes");
                votes.WithOwner().HasForeignKey("DecisionId");
                votes.HasKey(v => v.Id);
                votes.Property(v => v.Id).ValueGeneratedNever();
                votes.Property(v => v.Reason).HasMaxLength(AllianceVote.ReasonMaxLength).IsPersonalText();
                votes.Property(v => v.RecordedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            });
            decisions.Navigation(d => d.Votes).HasField("_votes").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.OwnsMany<AllianceRisk>("_risks", risks =>
        {
            risks.ToTable("alliance_risks");
            risks.WithOwner().HasForeignKey("TeamId");
            risks.HasKey(r => r.Id);
            risks.Property(r => r.Id).ValueGeneratedNever();
            risks.Property(r => r.Description).HasMaxLength(AllianceRisk.DescriptionMaxLength).IsRequired().IsPersonalText();
            risks.Property(r => r.Actions).HasMaxLength(AllianceRisk.ActionsMaxLength).IsRequired().IsPersonalText();
            risks.Property(r => r.ClosingNote).HasMaxLength(AllianceRisk.ActionsMaxLength).IsPersonalText();
            risks.Property(r => r.AddedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            risks.Property(r => r.LastReviewedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            risks.Ignore(r => r.Score);
            risks.Ignore(r => r.IsClosed);
        });

        builder.OwnsMany<AllianceDispute>("_disputes", disputes =>
        {
            disputes.ToTable("alliance_disputes");
            disputes.WithOwner().HasForeignKey("TeamId");
            disputes.HasKey(d => d.Id);
            disputes.Property(d => d.Id).ValueGeneratedNever();
            // A dispute between partners can be about named staff or people using the service.
            disputes.Property(d => d.Summary).HasMaxLength(AllianceDispute.TextMaxLength).IsRequired().IsPersonalText();
            disputes.Property(d => d.Outcome).HasMaxLength(AllianceDispute.TextMaxLength).IsPersonalText();
            disputes.Property(d => d.RaisedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            disputes.Property(d => d.ResolvedByUserId).HasMaxLength(UserIds.MaxLength);
            disputes.Ignore(d => d.IsResolved);
        });

        builder.OwnsMany(t => t.HealthRatings, ratings =>
        {
            ratings.ToTable("alliance_health_ratings");
            ratings.WithOwner().HasForeignKey("TeamId");
            ratings.HasKey(r => r.Id);
            ratings.Property(r => r.Id).ValueGeneratedNever();
            ratings.Property(r => r.Comment).HasMaxLength(AllianceHealthRating.CommentMaxLength).IsRequired().IsPersonalText();
            ratings.Property(r => r.RatedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        });
        builder.Navigation(t => t.HealthRatings).HasField("_healthRatings").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
