using Jiebang.Platform.Database;
using Jiebang.Platform.Jobs;
using Jiebang.Review.Data;

namespace Jiebang.Review.Features.Rounds.ExportRoundJob;

/// <summary>The round export as a job. A read only, so running it again after a crash is harmless.</summary>
internal sealed class Job(DbConnectionFactory db) : IJobKind
{
    public const string Name = "review.round-export";

    public sealed class Parameters
    {
        public Guid Round { get; set; }
    }

    public string Kind => Name;

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        var (file, problem) = await Workbook.BuildAsync(db, job.ParametersAs<Parameters>().Round, (done, total) => job.ReportAsync(done, total, ct), ct);
        return problem is not null
            ? throw JobFailedException.From(problem)
            : new JobOutcome(new Summary { FileName = file!.FileName, Bytes = file.Content.Length }, file);
    }

    internal sealed class Summary
    {
        public required string FileName { get; init; }
        public required int Bytes { get; init; }
    }
}
