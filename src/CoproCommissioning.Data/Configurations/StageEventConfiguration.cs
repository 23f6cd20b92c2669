namespace CoproCommissioning.Data.Configurations;

public sealed class StageEventConfiguration : IEntityTypeConfiguration<StageEvent>
{
    public void Configure(EntityTypeBuilder<StageEvent> builder)
    {
        builder.ToTable("stage_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        // A sign-off statement or a reason for reopening can say whose input made the difference, and what it was.
        builder.Property(e => e.Text).HasMaxLength(StageEvent.TextMaxLength).IsRequired().IsPersonalText();
    }
}
