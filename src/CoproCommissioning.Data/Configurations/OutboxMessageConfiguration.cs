using System.Text.Json;
using CoproCommissioning.Data.Outbox;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CoproCommissioning.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.To).HasMaxLength(OutboxMessage.AddressMaxLength).IsRequired().IsPersonalText();
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength).IsRequired().IsPersonalText();
        builder.Property(m => m.TextBody).IsRequired().IsPersonalText();
        builder.Property(m => m.HtmlBody).IsPersonalText();
        builder.Property(m => m.Headers).HasColumnType("jsonb").IsRequired()
            .HasConversion(
                headers => JsonSerializer.Serialize(headers, (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>(),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    d => d.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                    d => new Dictionary<string, string>(d)));
        builder.Property(m => m.Purpose).HasMaxLength(CoproDbContext.EnumMaxLength).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        // What a worker claims: the waiting messages that are due, oldest first.
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("status = 'Waiting'").HasDatabaseName("ix_outbox_messages_waiting");
        builder.HasIndex(m => m.CreatedAt);
    }
}
