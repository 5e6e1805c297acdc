using Dapper;
using FastEndpoints;
using Jiebang.Applications.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Mediator;

namespace Jiebang.Applications.Features.UpdateApplication;

internal sealed class Endpoint(DbConnectionFactory db, ISender sender, Parties parties, AuditWriter audit, TimeProvider clock)
    : Endpoint<Request, ApplicationDetail>
{
    private const string Update = """
        UPDATE applications_application SET content = @Content, own_investment_fen = @OwnInvestmentFen, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    public override void Configure()
    {
        Put("/api/v1/applications/{id:guid}");
        Roles(Platform.Auth.Roles.Applicant, Platform.Auth.Roles.District);
        Description(b => b.Api("Applications_Update", "Applications", "修改申报书（截止前） / Update the working copy before the deadline",
                "The lead must stay the Lead member (400 application.lead_must_be_applicant on members otherwise). " +
                "Confirmations: a member's confirmation records the role and budget share it agreed to; it lapses (is deleted, and " +
                "the Update audit record names it) when that member is removed or its role or share changes, and the member must " +
                "confirm again before the next submission. Other edits (technical approach, team, milestones, other members' " +
                "terms) leave confirmations standing. A submitted version keeps the consortium as it stood.")
            .Body<Request>().IfMatch(required: true).Ok<ApplicationDetail>().ETag().Problems(400, 401, 403, 404, 409, 412, 428)
            .Codes(400, Consortium.LeadMustBeApplicant).Codes(409, "application.invalid_state", "application.window_closed"), clearDefaults: true);
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
        var content = CreateApplication.Endpoint.Copy(req);
        // Read and judge first, holding no transaction: other modules' queries open their own connections.
        ApplicationRow? current;
        await using (var read = await db.OpenAsync(ct))
        {
            current = await ApplicationStore.LoadAsync(read, id);
        }
        if (ChangeGuard.Refusal(current, caller, clock.GetUtcNow(), version) is { } early)
        {
            await Send.ResultAsync(early);
            return;
        }
        if (Consortium.LeadRefusal(current!.LeadOrganisationId, content) is { } notLead)
        {
            await Send.ResultAsync(notLead);
            return;
        }
        var challenge = await sender.Send(new Challenges.Contracts.GetChallengeInfo(current.ChallengeId), ct);
        var known = challenge?.Indicators.Select(i => i.Id).ToHashSet() ?? [];
        if (req.IndicatorResponses.Any(r => !known.Contains(r.IndicatorId)))
        {
            await Send.ResultAsync(Problems.Validation("indicatorResponses", "响应了不属于该需求的技术指标", "A response names an indicator the challenge does not have"));
            return;
        }
        var resolved = await parties.ResolveAsync(current.LeadOrganisationId, content, ct);
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var now = clock.GetUtcNow();
            var row = await ApplicationStore.LoadAsync(connection, id, tx);
            if (ChangeGuard.Refusal(row, caller, now, version) is { } refusal)
            {
                await Send.ResultAsync(refusal);
                return;
            }
            if (await connection.ExecuteAsync(Update, new
                {
                    Id = id, Version = version, Content = ApplicationStore.Serialize(content), content.OwnInvestmentFen, Now = now,
                }, tx) == 0)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            var lapsed = await ApplicationStore.ReplaceMembersAsync(connection, tx, id, resolved);
            await audit.WriteAsync(connection, tx, caller, ApplicationStore.Module, ApplicationStore.Entity, id, "Update",
                new
                {
                    before = new { row!.OwnInvestmentFen, members = row.Members.Count },
                    after = new { content.OwnInvestmentFen, members = resolved.Count },
                    confirmationsLapsed = row.Members.Where(m => lapsed.Contains(m.OrganisationId)).Select(m => m.OrganisationName).ToList(),
                });
            var detail = await ApplicationStore.DetailAsync(connection, (await ApplicationStore.LoadAsync(connection, id, tx))!, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(detail.Version);
            await Send.OkAsync(detail, ct);
        }
    }
}
