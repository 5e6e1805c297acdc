using Jiebang.Platform.Jobs;
using Jiebang.Review.Features.AssignExperts;

namespace Jiebang.Review.Features.AssignExpertsJob;

/// <summary>Automatic assignment as a job; rerunning it after a crash is safe because <see cref="AutoAssignment"/> is idempotent.</summary>
internal sealed class Job(AutoAssignment assignment) : IJobKind
{
    public const string Name = "review.assign";

    public sealed class Parameters
    {
        public Guid Round { get; set; }
    }

    public string Kind => Name;

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        var (outcome, problem) = await assignment.RunAsync(job.RequestedBy, job.ParametersAs<Parameters>().Round, null,
            (done, total) => job.ReportAsync(done, total, ct), ct);
        return problem is not null ? throw JobFailedException.From(problem) : new JobOutcome(outcome);
    }
}
