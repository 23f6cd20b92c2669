using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Infrastructure.Email;

/// <summary>
/// Sends the outbox in the background: whenever a page has just committed mail (<see cref="OutboxSignal"/>) and
/// otherwise every <see cref="OutboxOptions.PollInterval"/>, for mail other instances queued and retries coming due.
/// A database or mail server that is down is logged and tried again at the next pass; it never stops the app.
/// </summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan TidyEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorker)
        {
            return;
        }

        DateTimeOffset? tidiedAt = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var fullBatch = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
                fullBatch = await sender.SendDueAsync(stoppingToken) >= options.Value.BatchSize;
                if (tidiedAt is null || clock.GetUtcNow() - tidiedAt >= TidyEvery)
                {
                    await sender.DeleteOldSentAsync(stoppingToken);
                    tidiedAt = clock.GetUtcNow();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The outbox could not be sent; trying again in {PollInterval}", options.Value.PollInterval);
            }

            // A full batch may have left more due: look again straight away.
            if (!fullBatch)
            {
                await signal.WaitAsync(options.Value.PollInterval, clock, stoppingToken);
            }
        }
    }
}
