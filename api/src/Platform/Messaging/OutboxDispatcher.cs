using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jiebang.Platform.Messaging;

/// <summary>
/// Delivers outbox rows nobody delivered: those of a process that died between commit and delivery (found at start-up
/// once their claim lapses) and those whose handler failed. Polls every <c>Outbox:PollSeconds</c> (default 5).
/// </summary>
public sealed class OutboxDispatcher(Outbox outbox, IConfiguration configuration, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Outbox:PollSeconds", 5)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = await outbox.DispatchDueAsync(stoppingToken);
                if (delivered > 0)
                {
                    logger.LogInformation("Outbox: delivered {Count} notifications left undelivered", delivered);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Outbox: the dispatcher could not read the outbox; it tries again in {Interval}", interval);
            }
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
