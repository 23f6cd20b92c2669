namespace CoproCommissioning.Data.Configurations;

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ToTable("decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        // A decision is explained by the input that shaped it, and can quote or name the people who gave it.
        builder.Property(d => d.Title).HasMaxLength(Decision.TitleMaxLength).IsRequired().IsPersonalText();
        builder.Property(d => d.WhatWasDecided).HasMaxLength(Decision.WhatWasDecidedMaxLength).IsRequired().IsPersonalText();
        builder.Property(d => d.Rationale).HasMaxLength(Decision.RationaleMaxLength).IsRequired().IsPersonalText();
        builder.Property(d => d.RecordedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(d => d.LastRevisedByUserId).HasMaxLength(UserIds.MaxLength);

        // The workspace lists a stage's decisions a page at a time, latest decided first, straight from this index.
        builder.HasIndex(StageConfiguration.StageKey, nameof(Decision.DecidedAt), nameof(Decision.RecordedAt), nameof(Decision.Id))
            .IsDescending(false, true, true, true)
            .HasDatabaseName("ix_decisions_latest_first");

        builder.OwnsMany(d => d.Participants, participants =>
        {
            participants.ToTable("decision_participants");
            participants.WithOwner().HasForeignKey("DecisionId");
            participants.Property<int>("Id");
            participants.HasKey("Id");
            participants.Property(p => p.UserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        });
        builder.Navigation(d => d.Participants).HasField("_participants").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(d => d.Influences, influences =>
        {
            influences.ToTable("decision_influences");
            influences.WithOwner().HasForeignKey("DecisionId");
            influences.Property<int>("Id");
            influences.HasKey("Id");
            // A note of how input shaped a decision can quote that input.
            influences.Property(i => i.Note).HasMaxLength(DecisionInfluence.NoteMaxLength).IsRequired().IsPersonalText();
            influences.HasOne<Contribution>().WithMany().HasForeignKey(i => i.ContributionId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(d => d.Influences).HasField("_influences").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(d => d.Groups, groups =>
        {
            groups.ToTable("decision_groups");
            groups.WithOwner().HasForeignKey("DecisionId");
            groups.Property<int>("Id");
            groups.HasKey("Id");
            // "Parents at the Harbourside workshop" can say where people were and so who they are.
            groups.Property(g => g.Description).HasMaxLength(GroupOfPeople.DescriptionMaxLength).IsRequired().IsPersonalText();
            groups.Ignore(g => g.IsLivedExperience);
        });
        builder.Navigation(d => d.Groups).HasField("_groups").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(d => d.HasParticipants);
    }
}
