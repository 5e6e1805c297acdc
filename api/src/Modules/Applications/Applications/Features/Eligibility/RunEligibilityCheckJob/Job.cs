using Jiebang.Applications.Services;
using Jiebang.Platform.Jobs;
using Jiebang.Platform.Writes;

namespace Jiebang.Applications.Features.Eligibility.RunEligibilityCheckJob;

/// <summary>The formal check as a job; rerunning it after a crash is safe because <see cref="FormalCheck"/> is idempotent.</summary>
internal sealed class Job(WritePath writes, FormalCheck check) : IJobKind
{
    public const string Name = "applications.eligibility-check";

    public sealed class Parameters
    {
        public Guid Batch { get; set; }
    }

    public string Kind => Name;

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        try
        {
            var judged = await check.JudgeAsync(job.ParametersAs<Parameters>().Batch, (done, total) => job.ReportAsync(done, total, ct), ct);
            return new JobOutcome(await writes.ExecuteAsync(job.RequestedBy, w => FormalCheck.DecideAsync(w, judged), ct));
        }
        catch (WriteRefused refused)
        {
            throw JobFailedException.From(refused.Problem);
        }
    }
}
