using CoproCommissioning.Domain.Feedback;

namespace CoproCommissioning.Data.Configurations;

public sealed class ServiceFeedbackConfiguration : IEntityTypeConfiguration<ServiceFeedback>
{
    public void Configure(EntityTypeBuilder<ServiceFeedback> builder)
    {
        builder.ToTable("service_feedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        // People are asked not to, but may still write about their health; and an address identifies them.
        builder.Property(f => f.Text).HasMaxLength(ServiceFeedback.TextMaxLength).IsRequired().IsPersonalText();
        builder.Property(f => f.Email).HasMaxLength(ServiceFeedback.EmailMaxLength).IsPersonalText();
        builder.Property(f => f.Page).HasMaxLength(ServiceFeedback.PageMaxLength);
        // The administrators' list reads the newest first.
        builder.HasIndex(f => f.SentAt);
    }
}
