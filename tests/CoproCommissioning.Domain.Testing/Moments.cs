namespace CoproCommissioning.Domain.Testing;

public static class Moments
{
    /// <summary>When the tests act. Builders work in the weeks before, so history reads in order.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset CycleCreated = Now.AddDays(-30);

    public static readonly DateTimeOffset NotUtc = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));
}
