using CoproCommissioning.Data.Reading;

namespace CoproCommissioning.Data.Configurations;

public sealed class SeenResponseConfiguration : IEntityTypeConfiguration<SeenResponse>
{
    public void Configure(EntityTypeBuilder<SeenResponse> builder)
    {
        builder.ToTable("seen_responses");
        // One row a person a contribution: "is it new to me?" is a lookup by this key.
        builder.HasKey(s => new { s.UserId, s.ContributionId });
        builder.Property(s => s.UserId).HasMaxLength(UserIds.MaxLength);
        builder.HasOne<Contribution>().WithMany().HasForeignKey(s => s.ContributionId).OnDelete(DeleteBehavior.Cascade);
    }
}
