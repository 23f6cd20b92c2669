using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Organisations;

namespace CoproCommissioning.Data.Configurations;

public sealed class BidConfiguration : IEntityTypeConfiguration<Bid>
{
    public void Configure(EntityTypeBuilder<Bid> builder)
    {
        builder.ToTable("procurement_bids");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Partners).HasMaxLength(Bid.PartnersMaxLength).IsRequired();
        // Like a provider's proposal, a bid can name its staff and the people its service helped.
        builder.Property(b => b.Attachments).HasMaxLength(Bid.AttachmentsMaxLength).IsRequired().IsPersonalText();
        builder.Property(b => b.StartedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(b => b.LastChangedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(b => b.SubmittedByUserId).HasMaxLength(UserIds.MaxLength);
        // Two people of one provider saving at once: one wins and the other is told (R8).
        builder.Property(b => b.Version).IsRowVersion();
        builder.Ignore(b => b.IsSubmitted);
        builder.Ignore(b => b.PartnerNames);

        // One bid an organisation in a procurement.
        builder.HasIndex(b => new { b.ProcurementId, b.OrganisationId }).IsUnique();
        builder.HasIndex(b => b.CycleId);
        builder.HasOne<CycleProcurement>().WithMany().HasForeignKey(b => b.ProcurementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(b => b.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(b => b.Responses, responses =>
        {
            responses.ToTable("procurement_bid_responses");
            responses.WithOwner().HasForeignKey("BidId");
            responses.HasKey("BidId", nameof(BidResponse.CriterionId));
            // The domain sets it (the criterion answered); EF's convention for an owned collection's own key part would
            // take it as generated and send a first answer as an update of a row that is not there.
            responses.Property(r => r.CriterionId).ValueGeneratedNever();
            responses.Property(r => r.Text).HasMaxLength(BidResponse.TextMaxLength).IsRequired().IsPersonalText();
        });
        builder.Navigation(b => b.Responses).HasField("_responses").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
