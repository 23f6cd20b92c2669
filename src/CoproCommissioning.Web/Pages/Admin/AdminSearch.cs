namespace CoproCommissioning.Web.Pages.Admin;

/// <summary>What administrators type into a list's search box, as a PostgreSQL ILIKE pattern matching it anywhere.</summary>
public static class AdminSearch
{
    public static string? Pattern(string? search) => string.IsNullOrWhiteSpace(search)
        ? null
        : $"%{search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
}
