using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Data.Configurations;

public sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> builder)
    {
        builder.ToTable("monitoring_lessons");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        // A lesson draws on what people said and what providers reported, and can quote it.
        builder.Property(l => l.Text).HasMaxLength(Lesson.TextMaxLength).IsRequired().IsPersonalText();
        builder.Property(l => l.RecordedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(l => l.LastChangedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(l => l.Version).IsRowVersion();
        // Removal deletes the row (RemovalInterceptor); it is never stored.
        builder.Ignore(l => l.IsRemoved);
        builder.HasIndex(l => new { l.CycleId, l.RecordedAt });
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(l => l.CycleId).OnDelete(DeleteBehavior.Cascade);

        builder.OwnsMany(l => l.Citations, citations =>
        {
            citations.ToTable("monitoring_lesson_citations");
            citations.WithOwner().HasForeignKey("LessonId");
            citations.HasKey("LessonId", nameof(LessonCitation.Kind), nameof(LessonCitation.SourceId));
        });
        builder.Navigation(l => l.Citations).HasField("_citations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
