using FastEndpoints;
using Jiebang.Applications.Services;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Applications.Features.Eligibility.RunEligibilityCheck;

internal sealed class Endpoint(WritePath writes, FormalCheck check) : EndpointWithoutRequest<Response>
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
        var batch = Route<Guid>("batchId");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain,
            token => check.JudgeAsync(batch, null, token),
            async (w, judged) =>
            {
                var result = await FormalCheck.DecideAsync(w, judged);
                return Write.Ok(new Response
                {
                    Checked = result.Checked, Eligible = result.Eligible, Ineligible = result.Ineligible, AlreadyDecided = result.AlreadyDecided,
                });
            }, ct));
    }
}
