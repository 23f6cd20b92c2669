using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Data.Configurations;

public sealed class SpecificationCommentWindowConfiguration : IEntityTypeConfiguration<CommentWindow>
{
    public void Configure(EntityTypeBuilder<CommentWindow> builder)
    {
        builder.ToTable("specification_comment_windows");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.OpenedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(w => w.ClosedEarlyByUserId).HasMaxLength(UserIds.MaxLength);
        builder.Ignore(w => w.EndsAt);
    }
}
