using System.Text.Json;
using Dapper;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;

namespace Jiebang.Platform.Jobs;

/// <summary>A job row as stored (the result file excepted).</summary>
public sealed class JobRecord
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Target { get; set; } = "";
    public Guid RequestedBy { get; set; }
    public string RequestedByName { get; set; } = "";
    public string RequestedByRole { get; set; } = "";
    public Guid? RequestedByOrg { get; set; }
    public string Parameters { get; set; } = "{}";
    public JobStatus Status { get; set; }
    public int Processed { get; set; }
    public int Total { get; set; }
    public int Attempts { get; set; }
    public string? Result { get; set; }
    public string? ResultFileName { get; set; }
    public string? ResultContentType { get; set; }
    public string? ProblemCode { get; set; }
    public string? ProblemDetail { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The requester, or task force and auditors, who read everything; anyone else gets 404.</summary>
    public bool IsVisibleTo(Caller caller) => caller.ReadsEverything || (caller.UserId is { } me && me == RequestedBy);
}

/// <summary>
/// The job table. Every write is its own short transaction, so progress is visible to readers while the work goes on
/// and a crash loses at most the progress since the last report.
/// </summary>
public sealed class JobStore(DbConnectionFactory db, TimeProvider clock)
{
    public const string Columns = """
        id AS Id, kind AS Kind, target AS Target, requested_by AS RequestedBy, requested_by_name AS RequestedByName,
        requested_by_role AS RequestedByRole, requested_by_org AS RequestedByOrg, parameters AS Parameters, status AS Status,
        processed AS Processed, total AS Total, attempts AS Attempts, result AS Result, result_file_name AS ResultFileName,
        result_content_type AS ResultContentType, problem_code AS ProblemCode, problem_detail AS ProblemDetail,
        created_at AS CreatedAt, started_at AS StartedAt, finished_at AS FinishedAt
        """;

    private const string Insert = """
        INSERT INTO platform_job (id, kind, target, active_key, requested_by, requested_by_name, requested_by_role, requested_by_org,
            parameters, status, processed, total, attempts, created_at)
        VALUES (@Id, @Kind, @Target, @ActiveKey, @RequestedBy, @RequestedByName, @RequestedByRole, @RequestedByOrg,
            @Parameters, 'Queued', 0, 0, 0, @Now)
        """;

    private const string SelectActive = $"SELECT {Columns} FROM platform_job WHERE active_key = @ActiveKey";

    private const string SelectOne = $"SELECT {Columns} FROM platform_job WHERE id = @Id";

    private const string SelectNextQueued = "SELECT id FROM platform_job WHERE status = 'Queued' ORDER BY created_at, id";

    private const string Claim = """
        UPDATE platform_job SET status = 'Running', started_at = @Now, attempts = attempts + 1
        WHERE id = @Id AND status = 'Queued'
        """;

    private const string Progress = "UPDATE platform_job SET processed = @Processed, total = @Total WHERE id = @Id AND status = 'Running'";

    private const string Succeed = """
        UPDATE platform_job SET status = 'Succeeded', processed = CASE WHEN total > processed THEN total ELSE processed END,
            result = @Result, result_file = @File, result_file_name = @FileName, result_content_type = @ContentType,
            finished_at = @Now, active_key = @ClosedKey
        WHERE id = @Id AND status = 'Running'
        """;

    private const string Fail = """
        UPDATE platform_job SET status = 'Failed', problem_code = @Code, problem_detail = @Detail, finished_at = @Now, active_key = @ClosedKey
        WHERE id = @Id AND status = 'Running'
        """;

    private const string Requeue = "UPDATE platform_job SET status = 'Queued', processed = 0 WHERE status = 'Running'";

    private sealed class FileRow
    {
        public byte[] Content { get; set; } = [];
        public string FileName { get; set; } = "";
        public string ContentType { get; set; } = "";
    }

    /// <summary>Raised when a job is queued on this host, so the runner starts it without waiting for its next poll.</summary>
    internal event Action? Queued;

    /// <summary>
    /// Queues a job of <paramref name="kind"/> for <paramref name="target"/>, or returns the job of that kind and target
    /// that is already queued or running (Created is then false).
    /// </summary>
    public async Task<(JobRecord Job, bool Created)> StartAsync(Caller caller, string kind, string target, object parameters, CancellationToken ct = default)
    {
        var activeKey = $"{kind}|{target}";
        var id = Guid.CreateVersion7();
        for (var attempt = 0; ; attempt++)
        {
            await using var connection = await db.OpenAsync(ct);
            var existing = await connection.QuerySingleOrDefaultAsync<JobRecord>(SelectActive, new { ActiveKey = activeKey });
            if (existing is not null)
            {
                return (existing, false);
            }
            try
            {
                await connection.ExecuteAsync(Insert, new
                {
                    Id = id, Kind = kind, Target = target, ActiveKey = activeKey, RequestedBy = caller.UserId ?? Guid.Empty,
                    RequestedByName = caller.Name, RequestedByRole = caller.Role ?? "", RequestedByOrg = caller.OrganisationId,
                    Parameters = JsonSerializer.Serialize(parameters, JsonDefaults.Options), Now = clock.GetUtcNow(),
                });
            }
            catch (Exception ex) when (DbErrors.IsUniqueViolation(ex) && attempt < 3)
            {
                // A concurrent start of the same kind and target got there first: return its job.
                continue;
            }
            Queued?.Invoke();
            return ((await FindAsync(id, ct))!, true);
        }
    }

    public async Task<JobRecord?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<JobRecord>(SelectOne, new { Id = id });
    }

    /// <summary>Recent jobs, newest first: one person's, or everybody's when <paramref name="requestedBy"/> is null.</summary>
    public async Task<List<JobRecord>> RecentAsync(Guid? requestedBy, int take, CancellationToken ct = default)
    {
        var where = new Conditions().AndIf(requestedBy is not null, "requested_by = @RequestedBy").Sql;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<JobRecord>(
            $"SELECT {Columns} FROM platform_job {where} ORDER BY created_at DESC, id DESC {db.Dialect.Page}",
            new { RequestedBy = requestedBy, Skip = 0, Take = take })).AsList();
    }

    public async Task<JobFile?> FileAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<FileRow>(
            """
            SELECT result_file AS Content, result_file_name AS FileName, result_content_type AS ContentType
            FROM platform_job WHERE id = @Id AND result_file IS NOT NULL
            """,
            new { Id = id });
        return row is null ? null : new JobFile(row.FileName, row.ContentType, row.Content);
    }

    /// <summary>At start-up: jobs left Running by a stopped or crashed host go back to the queue (every kind is safe to rerun).</summary>
    internal async Task<int> RequeueInterruptedAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(Requeue);
    }

    /// <summary>Takes the oldest queued job; null when there is none. The conditional UPDATE makes sure only one runner gets it.</summary>
    internal async Task<JobRecord?> ClaimNextAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        foreach (var id in await connection.QueryAsync<Guid>($"{SelectNextQueued} {db.Dialect.Page}", new { Skip = 0, Take = 5 }))
        {
            if (await connection.ExecuteAsync(Claim, new { Id = id, Now = clock.GetUtcNow() }) == 1)
            {
                return await connection.QuerySingleAsync<JobRecord>(SelectOne, new { Id = id });
            }
        }
        return null;
    }

    internal async Task ReportAsync(Guid id, int processed, int total, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(Progress, new { Id = id, Processed = Math.Max(0, processed), Total = Math.Max(0, total) });
    }

    internal async Task SucceedAsync(Guid id, JobOutcome outcome, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var args = new DynamicParameters(new
        {
            Id = id, Now = clock.GetUtcNow(), ClosedKey = id.ToString("N"),
            Result = outcome.Summary is null ? null : JsonSerializer.Serialize(outcome.Summary, JsonDefaults.Options),
            FileName = outcome.File?.FileName, ContentType = outcome.File?.ContentType,
        });
        // Typed explicitly: a null of unknown type would reach SQL Server as nvarchar, which does not convert to varbinary.
        args.Add("File", outcome.File?.Content, System.Data.DbType.Binary);
        await connection.ExecuteAsync(Succeed, args);
    }

    internal async Task FailAsync(Guid id, string code, string detail, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(Fail, new
        {
            Id = id, Code = code, Detail = detail.Length > 1000 ? detail[..1000] : detail, Now = clock.GetUtcNow(), ClosedKey = id.ToString("N"),
        });
    }
}
