using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jiebang.Platform.Jobs;

/// <summary>
/// Runs queued jobs in the background, at most <see cref="JobsOptions.MaxConcurrency"/> at a time. At start-up it puts
/// back in the queue the jobs a crash left Running; when the host stops, running jobs are cancelled and stay Running, so
/// the next start runs them again. A failing job ends Failed with a problem code; the runner itself never stops on one.
/// </summary>
internal sealed class JobRunner(JobStore store, IServiceScopeFactory scopes, JobsOptions options, ILogger<JobRunner> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!options.Run)
        {
            logger.LogInformation("Background jobs are not run on this host (Jobs:Run is false).");
            return;
        }
        store.Queued += Wake;
        var running = new List<Task>();
        var requeued = false;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    if (!requeued)
                    {
                        var count = await store.RequeueInterruptedAsync(stopping);
                        requeued = true;
                        if (count > 0)
                        {
                            logger.LogWarning("{Count} job(s) interrupted by the last stop were queued again.", count);
                        }
                    }
                    running.RemoveAll(t => t.IsCompleted);
                    if (running.Count < Math.Max(1, options.MaxConcurrency) && await store.ClaimNextAsync(stopping) is { } job)
                    {
                        running.Add(Task.Run(() => RunAsync(job, stopping), CancellationToken.None));
                        continue;
                    }
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    // The database may be away for a while; try again on the next round.
                    logger.LogError(ex, "The job runner could not read the queue.");
                }
                try
                {
                    // Woken by a start on this host, by a job finishing (a slot is free) or by the poll interval.
                    var wake = _wake.WaitAsync(options.PollInterval, stopping);
                    await (running.Count == 0 ? (Task)wake : Task.WhenAny(wake, Task.WhenAny(running)));
                }
                catch (OperationCanceledException)
                {
                    // Stopping.
                }
            }
        }
        finally
        {
            store.Queued -= Wake;
            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private void Wake() => _wake.Release();

    private async Task RunAsync(JobRecord job, CancellationToken stopping)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var kind = scope.ServiceProvider.GetServices<IJobKind>().FirstOrDefault(k => k.Kind == job.Kind);
            if (kind is null)
            {
                await store.FailAsync(job.Id, "job.unknown_kind", $"未知的任务类型 {job.Kind}。 / Unknown job kind {job.Kind}.", CancellationToken.None);
                return;
            }
            var outcome = await kind.RunAsync(new JobContext(store, job), stopping);
            await store.SucceedAsync(job.Id, outcome, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Left Running on purpose: the next start queues it again.
        }
        catch (JobFailedException ex)
        {
            await FailQuietlyAsync(job, ex.Code, ex.Message);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Job {JobId} of kind {Kind} failed.", job.Id, job.Kind);
            await FailQuietlyAsync(job, "job.failed", "任务执行出错，请重试或联系管理员。 / The job failed; try again or contact the administrator.");
        }
    }

    private async Task FailQuietlyAsync(JobRecord job, string code, string detail)
    {
        try
        {
            await store.FailAsync(job.Id, code, detail, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Still Running in the table: the next start runs it again.
            logger.LogError(ex, "Job {JobId} could not be marked failed.", job.Id);
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
