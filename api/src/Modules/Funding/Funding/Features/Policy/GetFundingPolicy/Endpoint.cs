using FastEndpoints;
using Jiebang.Funding.Data;
using Jiebang.Funding.Views;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Funding.Features.Policy.GetFundingPolicy;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<FundingPolicy>
{
    public override void Configure()
    {
        Get("/api/v1/batches/{batchId:guid}/funding-policy");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor);
        Description(b => b.Api("Funding_GetPolicy", "Funding",
                "批次资金配套政策及预算余额 / A batch's funding policy with committed, paid and available budget")
            .Ok<FundingPolicy>().ETag().Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var batchId = Route<Guid>("batchId");
        await using var connection = await db.OpenAsync(ct);
        if (await PolicyStore.GetAsync(connection, batchId) is { } row)
        {
            var balance = await AgreementStore.BatchBalanceAsync(connection, batchId);
            HttpContext.Response.Headers.ETag = Versioning.ETag(row.Version);
            await Send.OkAsync(FundingPolicy.From(row, balance), ct);
        }
        else
        {
            await Send.ResultAsync(Problems.NotFound("funding policy"));
        }
    }
}
