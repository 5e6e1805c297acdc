using Dapper;
using FastEndpoints;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Jiebang.Platform.Paging;

namespace Jiebang.Challenges.Features.Challenges.ListChallenges;

internal sealed class Endpoint(DbConnectionFactory db, TimeProvider clock) : Endpoint<Request, Paged<ChallengeSummary>>
{
    public override void Configure()
    {
        Get("/api/v1/challenges");
        AllowAnonymous();
        Description(b => b.Api("Challenges_List", "Challenges", "技术需求列表（筛选、排序、分页） / List challenges with filters, sort and paging",
                "Anonymous callers, district portals, applicants and experts see published challenges only; " +
                "an issuer also sees its own drafts; the task force and auditors see all.")
            .Ok<Paged<ChallengeSummary>>().Problems(400), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        var now = clock.GetUtcNow();
        var where = Data.Where(req, caller, db.Dialect);
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
        var total = await connection.ExecuteScalarAsync<int>(Data.Count(where), args);
        var rows = await connection.QueryAsync<Data.Row>(Data.Page(where, req.Sort, db.Dialect), args);
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
