using FastEndpoints;
using FluentValidation;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Http;

namespace Jiebang.Platform.Jobs.Features.ListJobs;

/// <summary>Which jobs to list.</summary>
public sealed class Request
{
    /// <summary>Only the caller's own jobs (the default). False lists everybody's, for the task force and auditors only.</summary>
    public bool? Mine { get; set; }

    /// <summary>How many of the most recent jobs (1 to 100, default 20).</summary>
    public int? Take { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Take).InclusiveBetween(1, 100);
}

internal sealed class Endpoint(JobStore jobs) : Endpoint<Request, List<JobView>>
{
    public override void Configure()
    {
        Get("/api/v1/jobs");
        Roles(Auth.Roles.People);
        Description(b => b.Api("Jobs_List", "Platform", "我的后台任务（最近的在前） / The caller's recent background jobs, newest first",
                "mine=false lists everybody's jobs for the task force and auditors; for anyone else it lists their own.")
            .Ok<List<JobView>>().Problems(400, 401, 403), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        var everybody = req.Mine == false && caller.ReadsEverything;
        var list = await jobs.RecentAsync(everybody ? null : caller.UserId ?? Guid.Empty, req.Take ?? 20, ct);
        await Send.OkAsync(list.Select(JobView.Of).ToList(), ct);
    }
}
