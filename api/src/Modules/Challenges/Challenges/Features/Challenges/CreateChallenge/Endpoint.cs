using FastEndpoints;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations;
using Jiebang.Platform.Writes;

namespace Jiebang.Challenges.Features.Challenges.CreateChallenge;

internal sealed class Endpoint(WritePath writes, OrganisationStore organisations) : Endpoint<Request, ChallengeDetail>
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
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async token =>
        {
            var organisation = caller.OrganisationId is { } orgId ? await organisations.FindAsync(orgId, token) : null;
            return organisation ?? throw Write.Refuse(Problems.Forbidden("您的账号未绑定发榜企业", "Your account is not bound to an issuing organisation"));
        }, async (w, organisation) =>
        {
            Write.Require(await w.ExecuteScalarAsync<string?>(Data.BatchStatus, new { req.BatchId }) is not null,
                Problems.Validation("batchId", "榜单批次不存在", "The batch does not exist"));
            var id = await ChallengeStore.InsertAsync(w.Connection, w.Transaction, req.BatchId, organisation.Id, organisation.Name, req,
                ChallengeStatus.Draft, caller.UserId, w.Now, isDemo: false, sourceNote: null);
            Write.Require(id is not null, Problems.Conflict("challenge.batch_not_collecting",
                "该批次已发布，不再征集技术需求", "The batch is published and no longer collects needs"));
            await w.AuditAsync(ChallengeStore.Module, ChallengeStore.Entity, id!.Value, "Create", new { title = req.Title, batch = req.BatchId });
            var detail = (await ChallengeStore.DetailAsync(w.Connection, id.Value, w.Now, w.Transaction))!;
            return Write.Created(detail, $"/api/v1/challenges/{id}", detail.Version);
        }, ct));
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
