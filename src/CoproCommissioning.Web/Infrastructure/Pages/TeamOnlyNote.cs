namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>
/// What a member who is not on the commissioning team is told about input they may not read (R7): how many, nothing
/// more (no text, author or voice).
/// </summary>
public static class TeamOnlyNote
{
    public static string? For(int hiddenCount) => hiddenCount switch
    {
        <= 0 => null,
        1 => "1 contribution was shared with the commissioning team only.",
        _ => $"{hiddenCount} contributions were shared with the commissioning team only.",
    };
}
