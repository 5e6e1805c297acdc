using Jiebang.Applications.Services;
using Jiebang.Applications.Views.ExportApplications;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Jobs;

namespace Jiebang.Applications.Features.Export.ExportApplicationsJob;

/// <summary>The applications export as a job. A read only, so running it again after a crash is harmless.</summary>
internal sealed class Job(DbConnectionFactory db, TimeProvider clock) : IJobKind
{
    public const string Name = "applications.export";

    public sealed class Parameters
    {
        public Guid? Batch { get; set; }
        public Guid? Challenge { get; set; }
    }

    /// <summary>One export per person and filter at a time: each requester gets a file of their own.</summary>
    public static string TargetOf(Caller caller, Request req) =>
        $"user:{caller.UserId}|batch:{req.Batch?.ToString() ?? "-"}|challenge:{req.Challenge?.ToString() ?? "-"}";

    public string Kind => Name;

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        var p = job.ParametersAs<Parameters>();
        var (file, rows) = await Workbook.BuildAsync(db, job.RequestedBy, p.Batch, p.Challenge, clock.GetUtcNow(),
            (done, total) => job.ReportAsync(done, total, ct), ct);
        return new JobOutcome(new Summary { Rows = rows, FileName = file.FileName, Bytes = file.Content.Length }, file);
    }

    internal sealed class Summary
    {
        /// <summary>Applications in the workbook.</summary>
        public required int Rows { get; init; }
        public required string FileName { get; init; }
        public required int Bytes { get; init; }
    }
}
