using Dapper;
using FastEndpoints;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Challenges.Features.UpdateChallenge;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, ChallengeDetail>
{
    public override void Configure()
    {
        Put("/api/v1/challenges/{id:guid}");
        Roles(Platform.Auth.Roles.Issuer);
        Description(b => b.Api("Challenges_Update", "Challenges", "修改技术需求草稿 / Update a draft challenge of one's own organisation")
            .Body<Request>().IfMatch(required: true).Ok<ChallengeDetail>().ETag().Problems(400, 401, 403, 404, 409, 412, 428).Codes(409, "challenge.not_editable"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        if (Versioning.Parse(HttpContext.Request.Headers.IfMatch) is not { } version)
        {
            await Send.ResultAsync(Problems.IfMatchRequired());
            return;
        }
        var now = clock.GetUtcNow();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var row = await ChallengeStore.LoadAsync(connection, id, tx);
            if (row is null || !row.IsVisibleTo(caller))
            {
                await Send.ResultAsync(Problems.NotFound("challenge"));
                return;
            }
            if (!row.IsOwnedBy(caller))
            {
                await Send.ResultAsync(Problems.Forbidden("只有发榜企业本单位用户可以修改", "Only users of the issuing organisation may edit it"));
                return;
            }
            if (row.Version != version)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            if (!ChallengeLifecycle.IsEditable(row.Status))
            {
                await Send.ResultAsync(Problems.Conflict("challenge.not_editable",
                    $"当前状态（{row.Status}）不能修改，只有草稿可以修改", $"A challenge in state {row.Status} cannot be edited; only drafts can"));
                return;
            }
            var changed = await connection.ExecuteAsync(Data.Update, new
            {
                Id = id, Version = version, Draft = nameof(ChallengeStatus.Draft), Now = now,
                Field = req.Field.ToString(), Title = req.Title.Trim(), TitleEn = string.IsNullOrWhiteSpace(req.TitleEn) ? null : req.TitleEn.Trim(),
                Background = req.Background.Trim(), Deliverables = ChallengeStore.SerializeDeliverables(req.Deliverables),
                req.RdMonths, req.PlannedInvestmentFen, ProcurementAmountFen = req.Procurement.AmountFen,
                ProcurementQuantity = req.Procurement.Quantity, ProcurementTerms = req.Procurement.Terms,
                ContactName = req.Contact.Name.Trim(), ContactPhone = req.Contact.Phone.Trim(), ContactEmail = req.Contact.Email,
            }, tx);
            if (changed == 0)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            await ChallengeStore.ReplaceIndicatorsAsync(connection, tx, id, req.Indicators);
            await audit.WriteAsync(connection, tx, caller, ChallengeStore.Module, ChallengeStore.Entity, id, "Update", new
            {
                before = new { row.Title, field = row.Field.ToString(), row.RdMonths, row.PlannedInvestmentFen },
                after = new { req.Title, field = req.Field.ToString(), req.RdMonths, req.PlannedInvestmentFen },
            });
            var detail = await ChallengeStore.DetailAsync(connection, id, now, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(detail!.Version);
            await Send.OkAsync(detail, ct);
        }
    }
}
