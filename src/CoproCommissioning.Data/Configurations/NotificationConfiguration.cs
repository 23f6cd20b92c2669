using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data.Notifications;

namespace CoproCommissioning.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.UserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength).IsRequired().IsPersonalText();
        builder.Property(n => n.Text).IsRequired().IsPersonalText();
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength).IsRequired();
        builder.Property(n => n.OnceKey).HasMaxLength(Notification.OnceKeyMaxLength);
        // A person's notifications go with their account and with the cycle.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(n => n.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        // What the summaries gather: notifications waiting for a daily or weekly email.
        builder.HasIndex(n => new { n.Frequency, n.UserId, n.CreatedAt })
            .HasFilter("emailed_at IS NULL AND frequency IN ('DailySummary', 'WeeklySummary')")
            .HasDatabaseName("ix_notifications_awaiting_summary");
        // A scheduled event is raised once per person: the scheduler skips keys it finds, and this refuses a second.
        builder.HasIndex(n => new { n.UserId, n.OnceKey }).IsUnique().HasFilter("once_key IS NOT NULL");
    }
}

public sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("notification_preferences");
        builder.HasKey(p => new { p.UserId, p.Kind });
        builder.Property(p => p.UserId).HasMaxLength(UserIds.MaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
