using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoproCommissioning.Web.Infrastructure.Benchmarking;

/// <summary>
/// Counts the SQL commands a request sends and the rows it reads back, for the request that asked for the counts
/// (<see cref="SqlCounts.Start"/>); other requests pay one null check per command. Registered only when benchmarking is
/// on. A command is one round trip: EF batches a save's statements into one command, a split query sends one per include.
/// Rows are those queries return, counted by the reader itself (<see cref="CountingDataReader"/>): EF's own ReadCount
/// misses the rows a split query reads for its includes. What a save reads back (generated values) is not counted.
/// </summary>
public sealed class SqlCounter : DbCommandInterceptor
{
    // Not a save's reader: Npgsql reads back what a save generated from its own reader type, and those rows are not a page's.
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        SqlCounts.Current is { } counts && eventData.CommandSource != CommandSource.SaveChanges ? new CountingDataReader(result, counts) : result;

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuted(command, eventData, result));

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        SqlCounts.Current?.AddCommand();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        SqlCounts.Current?.AddCommand();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        SqlCounts.Current?.AddCommand();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        SqlCounts.Current?.AddCommand();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        SqlCounts.Current?.AddCommand();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        SqlCounts.Current?.AddCommand();
        return ValueTask.FromResult(result);
    }
}

/// <summary>One request's counts; the request's async flow carries it to every DbContext the request uses.</summary>
public sealed class SqlCounts
{
    private static readonly AsyncLocal<SqlCounts?> Flowing = new();
    private int _commands;
    private long _rows;

    public static SqlCounts? Current => Flowing.Value;

    public int Commands => Volatile.Read(ref _commands);

    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>Counts from here on in this async flow (the rest of the request).</summary>
    public static SqlCounts Start() => Flowing.Value = new SqlCounts();

    internal void AddCommand() => Interlocked.Increment(ref _commands);

    internal void AddRow() => Interlocked.Increment(ref _rows);
}
