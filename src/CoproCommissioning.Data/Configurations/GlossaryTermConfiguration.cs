using CoproCommissioning.Data.Saving;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Data.Configurations;

public sealed class GlossaryTermConfiguration : IEntityTypeConfiguration<GlossaryTerm>
{
    public void Configure(EntityTypeBuilder<GlossaryTerm> builder)
    {
        builder.ToTable("glossary_terms");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Term).HasMaxLength(GlossaryTerm.TermMaxLength).IsRequired();
        // Panel members suggest meanings, and explain a word by what it meant in their own care.
        builder.Property(t => t.Meaning).HasMaxLength(GlossaryTerm.MeaningMaxLength).IsRequired().IsPersonalText();
        builder.Property(t => t.ProposedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(t => t.AgreedByUserId).HasMaxLength(UserIds.MaxLength);
        builder.Property(t => t.LastChangedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        // PostgreSQL's xmin: two commissioners rewording the same term, one wins and the other is told (R8).
        builder.Property(t => t.Version).IsRowVersion();
        builder.Ignore(t => t.IsAgreed);
        builder.Ignore(t => t.IsRemoved);
        // The domain refuses a term that differs only in case; this stops two people adding the same one at once.
        builder.HasIndex(t => new { t.CycleId, t.Term }).IsUnique().StatesRule(SpecificationRules.TermDuplicate);
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(t => t.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
