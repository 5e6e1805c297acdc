using Jiebang.Applications.Features.RunEligibilityCheck;
using Jiebang.Platform.Jobs;

namespace Jiebang.Applications.Features.RunEligibilityCheckJob;

/// <summary>The formal check as a job; rerunning it after a crash is safe because <see cref="FormalCheck"/> is idempotent.</summary>
internal sealed class Job(FormalCheck check) : IJobKind
{
    public const string Name = "applications.eligibility-check";

    public sealed class Parameters
    {
        public Guid Batch { get; set; }
    }

    public string Kind => Name;

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        var (result, problem) = await check.RunAsync(job.RequestedBy, job.ParametersAs<Parameters>().Batch,
            (done, total) => job.ReportAsync(done, total, ct), ct);
        return problem is not null ? throw JobFailedException.From(problem) : new JobOutcome(result);
    }
}
