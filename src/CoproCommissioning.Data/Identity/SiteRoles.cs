namespace CoproCommissioning.Data.Identity;

/// <summary>Site-wide roles; what a person may do inside a cycle comes from their cycle membership.</summary>
public static class SiteRoles
{
    public const string Administrator = "Administrator";
    public const string Commissioner = "Commissioner";

    public static readonly IReadOnlyList<string> All = [Administrator, Commissioner];
}
