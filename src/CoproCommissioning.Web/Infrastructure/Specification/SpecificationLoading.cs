using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Infrastructure.Specification;

public static class SpecificationLoading
{
    /// <summary>
    /// The whole specification: every version's sections and outcomes (with the comments each change answered)
    /// and the comment windows. Its rules compare versions, so mutators need all of it.
    /// </summary>
    public static IQueryable<ServiceSpecification> IncludeVersions(this IQueryable<ServiceSpecification> specifications) =>
        specifications
            .Include(s => s.Versions).ThenInclude(v => v.Sections)
            .Include(s => s.Versions).ThenInclude(v => v.Outcomes)
            .Include(s => s.CommentWindows)
            .AsSplitQuery();
}
