using System.Text.Json;

namespace Jiebang.Platform.Jobs;

/// <summary>A background job as its requester sees it: status, progress, result summary, problem on failure.</summary>
public sealed class JobView
{
    public required Guid Id { get; init; }

    /// <summary>The action: applications.export, review.round-export, applications.eligibility-check or review.assign.</summary>
    public required string Kind { get; init; }

    /// <summary>What the job works on, e.g. <c>batch:{id}</c> or <c>round:{id}</c>.</summary>
    public required string Target { get; init; }

    public required JobStatus Status { get; init; }

    /// <summary>Units of work done so far (applications checked, rows written, items assigned).</summary>
    public required int Processed { get; init; }

    /// <summary>Units of work in all; 0 until the job knows.</summary>
    public required int Total { get; init; }

    /// <summary>0 to 100; 100 once the job has succeeded.</summary>
    public required int Percent { get; init; }

    /// <summary>The result summary (JSON, shaped by the kind) once the job has succeeded.</summary>
    public JsonElement? Result { get; init; }

    /// <summary>Whether a file can be downloaded from /api/v1/jobs/{id}/result.</summary>
    public required bool HasFile { get; init; }

    public string? FileName { get; init; }

    /// <summary>Why the job failed (stable code, bilingual detail).</summary>
    public JobProblem? Problem { get; init; }

    public required Guid RequestedBy { get; init; }

    public required string RequestedByName { get; init; }

    /// <summary>How many times the job has been started (more than 1 after it was resumed following a stop).</summary>
    public required int Attempts { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Where a job is read: the Location of a 202 that started it.</summary>
    public static string LocationOf(Guid id) => $"/api/v1/jobs/{id}";

    public static JobView Of(JobRecord r) => new()
    {
        Id = r.Id, Kind = r.Kind, Target = r.Target, Status = r.Status, Processed = r.Processed, Total = r.Total,
        Percent = r.Status == JobStatus.Succeeded ? 100 : r.Total > 0 ? (int)Math.Min(99, 100L * r.Processed / r.Total) : 0,
        Result = r.Result is null ? null : JsonDocument.Parse(r.Result).RootElement.Clone(),
        HasFile = r.ResultFileName is not null, FileName = r.ResultFileName,
        Problem = r.ProblemCode is null ? null : new JobProblem { Code = r.ProblemCode, Detail = r.ProblemDetail ?? "" },
        RequestedBy = r.RequestedBy, RequestedByName = r.RequestedByName, Attempts = r.Attempts,
        CreatedAt = r.CreatedAt, StartedAt = r.StartedAt, FinishedAt = r.FinishedAt,
    };
}

/// <summary>Why a job failed.</summary>
public sealed class JobProblem
{
    /// <summary>Stable code, the same a synchronous request would have got (e.g. <c>eligibility.window_not_closed</c>).</summary>
    public required string Code { get; init; }

    /// <summary>Explanation in Chinese and English.</summary>
    public required string Detail { get; init; }
}
