using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Organisations;

namespace CoproCommissioning.Data.Configurations;

public sealed class ProviderProposalConfiguration : IEntityTypeConfiguration<ProviderProposal>
{
    public void Configure(EntityTypeBuilder<ProviderProposal> builder)
    {
        builder.ToTable("provider_proposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        // Proposals make their case with stories of people the provider has supported, and name its staff.
        builder.Property(p => p.Title).HasMaxLength(ProviderProposal.TitleMaxLength).IsRequired().IsPersonalText();
        builder.Property(p => p.Summary).HasMaxLength(ProviderProposal.SummaryMaxLength).IsRequired().IsPersonalText();
        builder.Property(p => p.ProposedModel).HasMaxLength(ProviderProposal.ProposedModelMaxLength).IsRequired().IsPersonalText();
        builder.Property(p => p.SubmittedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(p => p.LastChangedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        // PostgreSQL's xmin: two people editing the same proposal, one wins and the other is told (R8).
        builder.Property(p => p.Version).IsRowVersion();
        // Every read filters by cycle and, for providers, by their organisation (R7).
        builder.HasIndex(p => new { p.CycleId, p.OrganisationId });
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(p => p.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
