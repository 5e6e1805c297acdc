using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Http;

namespace Jiebang.Applications.Features.RunEligibilityCheck;

/// <summary>What the formal check did.</summary>
internal sealed class Response
{
    public int Checked { get; init; }
    public int Eligible { get; init; }
    public int Ineligible { get; init; }
    /// <summary>Applications decided earlier and left as they were.</summary>
    public int AlreadyDecided { get; init; }
}

internal sealed class Endpoint(FormalCheck check) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("/api/v1/batches/{batchId:guid}/eligibility-check");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Applications_RunEligibilityCheck", "Applications",
                "截止后对批次内全部已提交申报进行资格审查 / After the deadline, run the formal check on every submitted application of a batch",
                "Each application becomes Eligible or Ineligible with every rule result stored. Running it again leaves decided applications as they are.")
            .Ok<Response>().Problems(401, 403, 409).Codes(409, "eligibility.window_not_closed"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var (result, problem) = await check.RunAsync(User.Caller(), Route<Guid>("batchId"), null, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }
        await Send.OkAsync(result!, ct);
    }
}
