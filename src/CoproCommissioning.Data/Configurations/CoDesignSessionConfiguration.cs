using CoproCommissioning.Domain.CoDesign;

namespace CoproCommissioning.Data.Configurations;

public sealed class CoDesignSessionConfiguration : IEntityTypeConfiguration<CoDesignSession>
{
    public void Configure(EntityTypeBuilder<CoDesignSession> builder)
    {
        builder.ToTable("co_design_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        // A session can be arranged around one person (a visit at home, a call with someone who can't travel): its
        // title and venue can name them or give their address, and joining details carry a meeting's link and passcode.
        builder.Property(s => s.Title).HasMaxLength(CoDesignSession.TitleMaxLength).IsRequired().IsPersonalText();
        builder.Property(s => s.Venue).HasMaxLength(CoDesignSession.VenueMaxLength).IsRequired().IsPersonalText();
        builder.Property(s => s.JoiningDetails).HasMaxLength(CoDesignSession.JoiningDetailsMaxLength).IsRequired().IsPersonalText();
        builder.PrimitiveCollection(s => s.AccessArrangements)
            .ElementType(element => element.HasConversion<string>().HasMaxLength(CoproDbContext.EnumMaxLength));
        // What someone needs to take part says something about their health or disability.
        builder.Property(s => s.OtherAccessArrangements).HasMaxLength(CoDesignSession.OtherAccessArrangementsMaxLength).IsRequired()
            .IsPersonalText();
        // Minutes record what people said about their own lives and care.
        builder.Property(s => s.Minutes).HasMaxLength(CoDesignSession.MinutesMaxLength).IsRequired().IsPersonalText();
        builder.Property(s => s.RecordedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(s => s.Version).IsRowVersion();
        builder.Ignore(s => s.InputChannel);
        builder.Ignore(s => s.AsContributionTarget);
        builder.HasIndex(s => new { s.CycleId, s.Date });
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);

        builder.OwnsMany(s => s.Attendees, attendees =>
        {
            attendees.ToTable("co_design_session_attendees");
            attendees.WithOwner().HasForeignKey("CoDesignSessionId");
            attendees.Property<int>("Id");
            attendees.HasKey("Id");
            attendees.Property(a => a.UserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            attendees.HasIndex("CoDesignSessionId", nameof(SessionAttendee.UserId)).IsUnique();
        });
        builder.Navigation(s => s.Attendees).HasField("_attendees").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
