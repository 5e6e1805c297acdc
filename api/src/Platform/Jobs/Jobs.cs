using System.Text.Json;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Platform.Jobs;

/// <summary>Where a job is in its life. Stored as text; names are stable (they reach the API).</summary>
public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// A kind of long action a module can run in the background. Implementations are registered with
/// <see cref="JobRegistration.AddJobKind{T}"/>, resolved in a fresh scope for every run, and must be safe to run again
/// from the start: a job interrupted by a crash is queued again when the host starts.
/// </summary>
public interface IJobKind
{
    /// <summary>Stable name of the kind, e.g. <c>applications.export</c>.</summary>
    string Kind { get; }

    /// <summary>Does the work, reporting progress on <paramref name="job"/>; throws <see cref="JobFailedException"/> for a business refusal.</summary>
    Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct);
}

/// <summary>What a finished job leaves: a JSON summary and, for exports, a file.</summary>
public sealed record JobOutcome(object? Summary, JobFile? File = null);

/// <summary>A file a job produced (an export), downloaded from /api/v1/jobs/{id}/result.</summary>
public sealed record JobFile(string FileName, string ContentType, byte[] Content);

/// <summary>A business rule refused the job's work; the job ends Failed with this stable code and bilingual detail.</summary>
public sealed class JobFailedException(string code, string detail) : Exception(detail)
{
    public string Code { get; } = code;

    /// <summary>A refusal the synchronous slice would have answered with a problem response (its code and detail carry over).</summary>
    public static JobFailedException From(Microsoft.AspNetCore.Http.IResult problem) =>
        Problems.Describe(problem) is { } p
            ? new JobFailedException(p.Code, p.Detail ?? p.Title)
            : new JobFailedException("job.failed", "任务失败。 / The job failed.");
}

/// <summary>One run of a job as its kind sees it: who asked, with what, and where to report progress.</summary>
public sealed class JobContext
{
    private readonly JobStore _store;

    internal JobContext(JobStore store, JobRecord record)
    {
        _store = store;
        Id = record.Id;
        Target = record.Target;
        Parameters = record.Parameters;
        RequestedBy = new Caller(record.RequestedBy, record.RequestedByName, record.RequestedByRole, record.RequestedByOrg, null, null);
    }

    public Guid Id { get; }

    public string Target { get; }

    /// <summary>The person who started the job; the work is done with their rights and audited in their name.</summary>
    public Caller RequestedBy { get; }

    /// <summary>The parameters as JSON, as given to <see cref="JobStore.StartAsync"/>.</summary>
    public string Parameters { get; }

    public T ParametersAs<T>() => JsonSerializer.Deserialize<T>(Parameters, JsonDefaults.Options)
                                  ?? throw new InvalidOperationException($"Job {Id} has no parameters.");

    /// <summary>Writes progress in its own short transaction. Never call it while holding a write transaction (SQLite would wait on itself).</summary>
    public Task ReportAsync(int processed, int total, CancellationToken ct = default) => _store.ReportAsync(Id, processed, total, ct);
}

/// <summary>How the background runner behaves (section <c>Jobs</c>).</summary>
public sealed class JobsOptions
{
    /// <summary>Whether this host runs jobs. Turn it off on all but one instance when several share a database.</summary>
    public bool Run { get; init; } = true;

    /// <summary>How many jobs run at once on this host.</summary>
    public int MaxConcurrency { get; init; } = 2;

    /// <summary>How often the runner looks for queued jobs besides being woken by a start on this host.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);
}

public static class JobRegistration
{
    /// <summary>Registers a module's job kind with the platform runner.</summary>
    public static IServiceCollection AddJobKind<T>(this IServiceCollection services) where T : class, IJobKind
    {
        services.AddScoped<IJobKind, T>();
        return services;
    }
}
