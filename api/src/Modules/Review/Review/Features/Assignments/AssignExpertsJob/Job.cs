using Jiebang.Platform.Database;
using Jiebang.Platform.Jobs;
using Jiebang.Platform.Writes;
using Jiebang.Review.Data;

namespace Jiebang.Review.Features.Assignments.AssignExpertsJob;

/// <summary>
/// Automatic assignment as a job; rerunning it after a crash is safe because <see cref="AutoAssignment"/> is idempotent.
/// Progress counts items; it is reported outside the write transaction.
/// </summary>
internal sealed class Job(DbConnectionFactory db, WritePath writes) : IJobKind
{
    public const string Name = "review.assign";

    public sealed class Parameters
    {
        public Guid Round { get; set; }
    }

    public string Kind => Name;

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        var round = job.ParametersAs<Parameters>().Round;
        await using (var reader = await db.OpenAsync(ct))
        {
            await job.ReportAsync(0, (await RoundStore.ItemsAsync(reader, round)).Count, ct);
        }
        try
        {
            var (outcome, items) = await writes.ExecuteAsync(job.RequestedBy, w => AutoAssignment.RunAsync(w, round), ct);
            await job.ReportAsync(items, items, ct);
            return new JobOutcome(outcome);
        }
        catch (WriteRefused refused)
        {
            throw JobFailedException.From(refused.Problem);
        }
    }
}
