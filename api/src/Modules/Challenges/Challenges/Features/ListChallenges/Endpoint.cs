using Dapper;
using FastEndpoints;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Features.Shared;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Jiebang.Platform.Paging;

namespace Jiebang.Challenges.Features.ListChallenges;

internal sealed class Endpoint(DbConnectionFactory db, TimeProvider clock) : Endpoint<Request, Paged<ChallengeSummary>>
{
    public override void Configure()
    {
        Get("/api/v1/challenges");
        AllowAnonymous();
        Description(b => b.Api("Challenges_List", "Challenges", "技术需求列表（筛选、排序、分页） / List challenges with filters, sort and paging",
                "Anonymous callers, district portals, applicants and experts see published challenges only; an issuer also sees its own drafts; the task force and auditors see all.")
            .Ok<Paged<ChallengeSummary>>().Problems(400), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        var now = clock.GetUtcNow();
        var where = new Conditions();
        if (caller.IsIssuer && caller.OrganisationId is not null)
        {
            where.And($"c.status IN {ChallengeLifecycle.PublicStatusesSql} OR c.organisation_id = @OwnOrganisation");
        }
        else if (!caller.ReadsEverything)
        {
            where.And($"c.status IN {ChallengeLifecycle.PublicStatusesSql}");
        }
        where.AndIf(req.Batch is not null, "c.batch_id = @Batch")
            .AndIf(req.Field is not null, "c.field = @Field")
            .AndIf(req.Status is not null, "c.status = @Status")
            .AndIf(req.Organisation is not null, "c.organisation_id = @Organisation")
            .AndIf(req.Phase == ApplicationPhase.NotYetOpen, "b.opens_at > @Now")
            .AndIf(req.Phase == ApplicationPhase.Open, "b.opens_at <= @Now AND b.closes_at > @Now")
            .AndIf(req.Phase == ApplicationPhase.Closed, "b.closes_at <= @Now");
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            var d = db.Dialect;
            where.And($"{d.ContainsIgnoreCase("c.title", "@Q")} OR {d.ContainsIgnoreCase("c.code", "@Q")} OR {d.ContainsIgnoreCase("c.background", "@Q")}");
        }
        var sortKey = req.Sort?.TrimStart('-') ?? "code";
        var direction = req.Sort?.StartsWith('-') == true ? "DESC" : "ASC";
        var order = $"{Data.SortColumns[sortKey]} {direction}, c.id {direction}";
        var args = new
        {
            OwnOrganisation = caller.OrganisationId,
            req.Batch,
            Field = req.Field?.ToString(),
            Status = req.Status?.ToString(),
            req.Organisation,
            Now = now,
            Q = req.Q is null ? null : SqlDialect.ContainsPattern(req.Q.Trim()),
            Skip = req.Skip,
            Take = req.PageSize,
        };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) {Data.From} {where.Sql}", args);
        var rows = await connection.QueryAsync<Data.Row>($"SELECT {Data.Columns} {Data.From} {where.Sql} ORDER BY {order} {db.Dialect.Page}", args);
        var items = rows.Select(r => new ChallengeSummary
        {
            Id = r.Id, Code = r.Code, Title = r.Title, TitleEn = r.TitleEn, Field = r.Field, FieldName = ChallengeFields.NameZh(r.Field),
            OrganisationId = r.OrganisationId, IssuerName = r.IssuerName, BatchId = r.BatchId, BatchCode = r.BatchCode,
            Status = r.Status, Phase = ApplicationWindow.PhaseAt(r.OpensAt, r.ClosesAt, now),
            OpensOn = ChallengeStore.ParseDay(r.OpensOnText), ClosesOn = ChallengeStore.ParseDay(r.ClosesOnText), ClosesAt = r.ClosesAt,
            RdMonths = r.RdMonths, PlannedInvestmentFen = r.PlannedInvestmentFen, PublishedAt = r.PublishedAt, IsDemo = r.IsDemo,
            Version = r.Version,
        }).ToList();
        await Send.OkAsync(new Paged<ChallengeSummary> { Items = items, Total = total, Page = req.Page, PageSize = req.PageSize }, ct);
    }
}
