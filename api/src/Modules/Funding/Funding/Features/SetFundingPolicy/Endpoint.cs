using Dapper;
using FastEndpoints;
using Jiebang.Challenges.Contracts;
using Jiebang.Funding.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Mediator;

namespace Jiebang.Funding.Features.SetFundingPolicy;

internal sealed class Endpoint(DbConnectionFactory db, ISender sender, AuditWriter audit, TimeProvider clock) : Endpoint<Request, FundingPolicy>
{
    public override void Configure()
    {
        Put("/api/v1/batches/{batchId:guid}/funding-policy");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Funding_SetPolicy", "Funding",
                "设定批次资金配套政策 / Set a batch's funding policy (ratio, cap, budget, tranche plan)",
                "Creates the policy (201, no If-Match) or replaces it (200, If-Match required). A total budget below what is already committed is refused with 409 funding.budget_below_committed; agreements keep the terms they were signed under.")
            .Body<Request>().IfMatch(required: false).Ok<FundingPolicy>().ETag().Ok<FundingPolicy>(201).ETag().Problems(400, 401, 403, 404, 409, 412, 428).Codes(409, "funding.budget_below_committed"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var batchId = Route<Guid>("batchId");
        var ifMatch = Versioning.Parse(HttpContext.Request.Headers.IfMatch);
        if (await sender.Send(new GetBatchInfo(batchId), ct) is null)
        {
            await Send.ResultAsync(Problems.NotFound("batch"));
            return;
        }
        var caller = User.Caller();
        var now = clock.GetUtcNow();
        var plan = FundingStore.WritePlan(req.Tranches.Select(t => t.ToTranche()));
        var values = new { BatchId = batchId, req.RatioBp, req.CapPerProjectFen, req.TotalBudgetFen, Tranches = plan, Now = now, Version = ifMatch ?? 0 };
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            // The policy row is the batch budget's lock row: signing holds it while it takes money from the budget.
            var existing = await FundingStore.LockPolicyAsync(connection, tx, db.Dialect, batchId);
            int status;
            if (existing is null)
            {
                if (ifMatch is not null)
                {
                    await Send.ResultAsync(Problems.VersionMismatch());
                    return;
                }
                try
                {
                    await connection.ExecuteAsync(Data.Insert, values, tx);
                }
                catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
                {
                    await Send.ResultAsync(Problems.VersionMismatch());
                    return;
                }
                status = 201;
            }
            else
            {
                if (ifMatch is null)
                {
                    await Send.ResultAsync(Problems.IfMatchRequired());
                    return;
                }
                if (existing.Version != ifMatch || await connection.ExecuteAsync(Data.Update, values, tx) == 0)
                {
                    await Send.ResultAsync(Problems.VersionMismatch());
                    return;
                }
                status = 200;
            }
            var balance = await FundingStore.BatchBalanceAsync(connection, batchId, tx);
            if (req.TotalBudgetFen < balance.CommittedFen)
            {
                await Send.ResultAsync(Problems.Conflict("funding.budget_below_committed",
                    $"总预算不能低于已承诺的 {balance.CommittedFen} 分", $"The total budget cannot be less than the {balance.CommittedFen} fen already committed"));
                return;
            }
            await audit.WriteAsync(connection, tx, caller, FundingStore.Module, "FundingPolicy", batchId, existing is null ? "CreatePolicy" : "UpdatePolicy", new
            {
                before = existing is null ? null : new { existing.RatioBp, existing.CapPerProjectFen, existing.TotalBudgetFen, tranches = existing.Plan() },
                after = new { req.RatioBp, req.CapPerProjectFen, req.TotalBudgetFen, tranches = req.Tranches },
            });
            var saved = (await FundingStore.PolicyAsync(connection, batchId, tx))!;
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(saved.Version);
            await Send.ResponseAsync(FundingPolicy.From(saved, balance), status, ct);
        }
    }
}
