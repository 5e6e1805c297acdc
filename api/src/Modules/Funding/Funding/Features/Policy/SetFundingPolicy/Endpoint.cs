using FastEndpoints;
using Jiebang.Challenges.Contracts;
using Jiebang.Funding.Data;
using Jiebang.Funding.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Funding.Features.Policy.SetFundingPolicy;

internal sealed class Endpoint(WritePath writes, ISender sender) : Endpoint<Request, FundingPolicy>
{
    public override void Configure()
    {
        Put("/api/v1/batches/{batchId:guid}/funding-policy");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Funding_SetPolicy", "Funding",
                "设定批次资金配套政策 / Set a batch's funding policy (ratio, cap, budget, tranche plan)",
                "Creates the policy (201, no If-Match) or replaces it (200, If-Match required). A total budget below what is already committed is refused " +
                "with 409 funding.budget_below_committed; agreements keep the terms they were signed under.")
            .Body<Request>().IfMatch(required: false).Ok<FundingPolicy>().ETag().Ok<FundingPolicy>(201).ETag().Problems(400, 401, 403, 404, 409, 412, 428)
            .Codes(409, "funding.budget_below_committed"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var batchId = Route<Guid>("batchId");
        // A create races another create on the primary key: the loser's view of the policy is stale (412).
        var options = WriteOptions.Versioned(IfMatch.Optional) with { OnUniqueViolation = Problems.VersionMismatch() };
        await Send.ResultAsync(await writes.RunAsync(HttpContext, options, async token =>
            Write.Found(await sender.Send(new GetBatchInfo(batchId), token), "batch"), async (w, _) =>
        {
            var values = new
            {
                BatchId = batchId, req.RatioBp, req.CapPerProjectFen, req.TotalBudgetFen,
                Tranches = AgreementStore.WritePlan(req.Tranches.Select(t => t.ToTranche())), w.Now, Version = w.ExpectedVersion ?? 0,
            };
            // The policy row is the batch budget's lock row: signing holds it while it takes money from the budget.
            var existing = await PolicyStore.LockAsync(w.Connection, w.Transaction, w.Dialect, batchId);
            if (existing is null)
            {
                Write.Require(w.ExpectedVersion is null, Problems.VersionMismatch());
                await w.ExecuteAsync(Data.Insert, values);
            }
            else
            {
                Write.Require(w.ExpectedVersion is not null, Problems.IfMatchRequired());
                w.Matches(existing.Version);
                Write.Changed(await w.ExecuteAsync(Data.Update, values));
            }
            var balance = await AgreementStore.BatchBalanceAsync(w.Connection, batchId, w.Transaction);
            Write.Require(req.TotalBudgetFen >= balance.CommittedFen, Problems.Conflict("funding.budget_below_committed",
                $"总预算不能低于已承诺的 {balance.CommittedFen} 分", $"The total budget cannot be less than the {balance.CommittedFen} fen already committed"));
            await w.AuditAsync(AgreementStore.Module, "FundingPolicy", batchId, existing is null ? "CreatePolicy" : "UpdatePolicy", new
            {
                before = existing is null ? null : new { existing.RatioBp, existing.CapPerProjectFen, existing.TotalBudgetFen, tranches = existing.Plan() },
                after = new { req.RatioBp, req.CapPerProjectFen, req.TotalBudgetFen, tranches = req.Tranches },
            });
            var saved = (await PolicyStore.GetAsync(w.Connection, batchId, w.Transaction))!;
            var policy = FundingPolicy.From(saved, balance);
            return existing is null ? new WriteAnswer(StatusCodes.Status201Created, policy, saved.Version) : Write.Ok(policy, saved.Version);
        }, ct));
    }
}
