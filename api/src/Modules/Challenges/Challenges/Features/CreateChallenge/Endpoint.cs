using Dapper;
using FastEndpoints;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations;

namespace Jiebang.Challenges.Features.CreateChallenge;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock, OrganisationStore organisations)
    : Endpoint<Request, ChallengeDetail>
{
    public override void Configure()
    {
        Post("/api/v1/challenges");
        Roles(Platform.Auth.Roles.Issuer);
        Description(b => b.Api("Challenges_Create", "Challenges",
                "发榜企业起草技术需求 / An issuer drafts a technical need for its own organisation")
            .Body<Request>().Ok<ChallengeDetail>(201).ETag().Location().Problems(400, 401, 403, 409).Codes(409, "challenge.batch_not_collecting")
            .Example(Examples.Draft), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        var organisation = caller.OrganisationId is { } orgId ? await organisations.FindAsync(orgId, ct) : null;
        if (organisation is null)
        {
            await Send.ResultAsync(Problems.Forbidden("您的账号未绑定发榜企业", "Your account is not bound to an issuing organisation"));
            return;
        }
        var now = clock.GetUtcNow();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var batchStatus = await connection.ExecuteScalarAsync<string?>(Data.BatchStatus, new { req.BatchId }, tx);
            if (batchStatus is null)
            {
                await Send.ResultAsync(Problems.Validation("batchId", "榜单批次不存在", "The batch does not exist"));
                return;
            }
            var id = await ChallengeWriter.InsertAsync(connection, tx, req.BatchId, organisation.Id, organisation.Name, req,
                ChallengeStatus.Draft, caller.UserId, now, isDemo: false, sourceNote: null);
            if (id is null)
            {
                await Send.ResultAsync(Problems.Conflict("challenge.batch_not_collecting",
                    "该批次已发布，不再征集技术需求", "The batch is published and no longer collects needs"));
                return;
            }
            await audit.WriteAsync(connection, tx, caller, ChallengeStore.Module, ChallengeStore.Entity, id.Value, "Create",
                new { title = req.Title, batch = req.BatchId });
            var detail = await ChallengeStore.DetailAsync(connection, id.Value, now, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.Location = $"/api/v1/challenges/{id}";
            HttpContext.Response.Headers.ETag = Versioning.ETag(detail!.Version);
            await Send.ResponseAsync(detail, 201, ct);
        }
    }
}

/// <summary>The example request shown in the OpenAPI document (invented, like the demo data).</summary>
internal static class Examples
{
    public static readonly object Draft = new
    {
        batchId = "0193a3c0-0000-7000-8000-000000000001",
        field = "MedicalDevices",
        title = "手术机器人高精度力反馈模组（示例）",
        titleEn = "High-precision force feedback module for surgical robots (example)",
        background = "关键部件依赖进口，交付周期长。",
        indicators = new[] { new { name = "定位精度", target = "≤0.5", unit = "mm", verification = "第三方检测" } },
        deliverables = new[] { "样机一套", "检测报告" },
        rdMonths = 24,
        plannedInvestmentFen = 500_000_000L,
        procurement = new { amountFen = 2_000_000_000L, quantity = "200台/年", terms = "验收后采购" },
        contact = new { name = "张工", phone = "010-12345678", email = "contact@example.com" },
    };
}
