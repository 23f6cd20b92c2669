using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Data.Configurations;

public sealed class ServiceSpecificationConfiguration : IEntityTypeConfiguration<ServiceSpecification>
{
    public void Configure(EntityTypeBuilder<ServiceSpecification> builder)
    {
        builder.ToTable("specifications");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.CreatedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        // PostgreSQL's xmin: two commissioners saving the draft at once, one wins and the other is told (R8).
        builder.Property(s => s.Version).IsRowVersion();
        builder.Ignore(s => s.Latest);
        builder.Ignore(s => s.IsLatestApproved);
        builder.Ignore(s => s.LatestWindow);

        // One specification per cycle.
        builder.HasIndex(s => s.CycleId).IsUnique();
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Decision>().WithMany().HasForeignKey(s => s.ApprovalDecisionId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(s => s.Versions).WithOne().HasForeignKey("SpecificationId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(s => s.CommentWindows).WithOne().HasForeignKey("SpecificationId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.CommentWindows).HasField("_commentWindows").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
