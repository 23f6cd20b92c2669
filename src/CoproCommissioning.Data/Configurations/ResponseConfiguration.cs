namespace CoproCommissioning.Data.Configurations;

public sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    /// <summary>The shadow key from a response to the contribution it answers, for queries that join the two.</summary>
    public const string ContributionKey = "ContributionId";

    public void Configure(EntityTypeBuilder<Response> builder)
    {
        builder.ToTable("responses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        // Responses can quote or paraphrase the input they answer, so they are treated like it.
        builder.Property(r => r.Explanation).HasMaxLength(Response.ExplanationMaxLength).IsRequired().IsPersonalText();
        builder.Property(r => r.RespondedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.HasIndex(ContributionKey, nameof(Response.Revision)).IsUnique();
    }
}
