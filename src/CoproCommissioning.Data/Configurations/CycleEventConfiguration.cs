namespace CoproCommissioning.Data.Configurations;

public sealed class CycleEventConfiguration : IEntityTypeConfiguration<CycleEvent>
{
    public void Configure(EntityTypeBuilder<CycleEvent> builder)
    {
        builder.ToTable("cycle_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasIndex("CycleId", nameof(CycleEvent.At));
        // A set of flags, kept readable ("Title, SignOffPolicy"): longer than one enum name.
        builder.Property(e => e.Changed).HasMaxLength(200);
        builder.Property(e => e.ByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        // Why the settings changed can say whose input made the difference, and what it was.
        builder.Property(e => e.Reason).HasMaxLength(CycleEvent.ReasonMaxLength).IsRequired().IsPersonalText();
    }
}
