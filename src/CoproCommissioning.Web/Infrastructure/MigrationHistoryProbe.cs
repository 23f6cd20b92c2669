using Serilog.Events;

namespace CoproCommissioning.Web.Infrastructure;

/// <summary>
/// On an empty database Npgsql's migrator reads the history table before creating it, catches the
/// "relation does not exist" error and carries on (npgsql/efcore.pg#3407), but EF logs the failed command
/// as an error first. That one message alarms newcomers on every first run, so it is dropped.
/// </summary>
public static class MigrationHistoryProbe
{
    public static bool IsHarmless(LogEvent logEvent) =>
        logEvent.Level == LogEventLevel.Error
        && logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: "Microsoft.EntityFrameworkCore.Database.Command" }
        && logEvent.Properties.TryGetValue("commandText", out var command)
        && command is ScalarValue { Value: string text }
        && text.Contains("__ef_migrations_history", StringComparison.Ordinal)
        && text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
}
