namespace CoproCommissioning.Data.Configurations;

public sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> builder)
    {
        builder.ToTable("contributions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Ignore(c => c.CurrentResponse);
        builder.Property(c => c.AuthorUserId).HasMaxLength(UserIds.MaxLength);
        builder.Property(c => c.RecordedByUserId).HasMaxLength(UserIds.MaxLength);
        builder.Property(c => c.Summary).HasMaxLength(Contribution.SummaryMaxLength).IsRequired().IsPersonalText();
        builder.Property(c => c.Body).HasMaxLength(Contribution.BodyMaxLength).IsRequired().IsPersonalText();

        // "What happened to my input" looks contributions up by their author.
        builder.HasIndex(c => c.AuthorUserId);

        // Specification pages read the comments on one section or outcome a page at a time, newest first.
        builder.HasIndex(c => new { c.TargetId, c.CreatedAt });

        builder.HasMany(c => c.Responses).WithOne().HasForeignKey("ContributionId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Responses).HasField("_responses").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
