using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Data.Configurations;

/// <summary>The comments a section or outcome snapshot answers: the same shape in a table of each owner's own.</summary>
internal static class AnsweredCommentMapping
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, AnsweredComment> answers, string table, string ownerKey)
        where TOwner : class
    {
        answers.ToTable(table);
        answers.WithOwner().HasForeignKey(ownerKey);
        answers.Property<int>("Id");
        answers.HasKey("Id");
        // The note goes word for word into the person's response, which is personal text too.
        answers.Property(a => a.Note).HasMaxLength(AnsweredComment.NoteMaxLength).IsRequired().IsPersonalText();
        // "What happened to my input" looks up the change that answered a comment.
        answers.HasIndex(a => a.ContributionId);
        answers.HasOne<Contribution>().WithMany().HasForeignKey(a => a.ContributionId).OnDelete(DeleteBehavior.Restrict);
    }
}
