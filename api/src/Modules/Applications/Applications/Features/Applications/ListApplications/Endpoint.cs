using Dapper;
using FastEndpoints;
using Jiebang.Applications.Data;
using Jiebang.Applications.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Jiebang.Platform.Paging;

namespace Jiebang.Applications.Features.Applications.ListApplications;

internal sealed class Endpoint(DbConnectionFactory db, TimeProvider clock) : Endpoint<Request, Paged<ApplicationListItem>>
{
    public override void Configure()
    {
        Get("/api/v1/applications");
        Roles([.. Platform.Auth.Roles.People, Platform.Auth.Roles.District]);
        Description(b => b.Api("Applications_List", "Applications", "申报书列表 / List applications the caller may see")
            .Ok<Paged<ApplicationListItem>>().Problems(400, 401), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        var where = ApplicationSearch.Visible(caller)
            .AndIf(req.Batch is not null, "a.batch_id = @Batch")
            .AndIf(req.Challenge is not null, "a.challenge_id = @Challenge")
            .AndIf(req.Status is not null, "a.status = @Status")
            .AndIf(req.Eligibility is not null, "a.eligibility = @Eligibility")
            .AndIf(req.Region is not null, "a.lead_region_code LIKE @RegionPrefix");
        var args = new
        {
            Org = caller.OrganisationId, DistrictPrefix = caller.DistrictCode + "%", Now = clock.GetUtcNow(),
            req.Batch, req.Challenge, Status = req.Status?.ToString(), Eligibility = req.Eligibility?.ToString(),
            RegionPrefix = req.Region + "%",
            Skip = req.Skip, Take = req.PageSize,
        };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(Data.Count(where), args);
        var items = await connection.QueryAsync<ApplicationListItem>(Data.Page(where, db.Dialect), args);
        await Send.OkAsync(new Paged<ApplicationListItem>
        {
            Items = items.AsList(), Total = total, Page = req.Page, PageSize = req.PageSize,
        }, ct);
    }
}
