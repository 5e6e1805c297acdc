using Dapper;
using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations.Views;
using Jiebang.Platform.Paging;

namespace Jiebang.Platform.Organisations.Features.ListOrganisations;

internal sealed class Endpoint(DbConnectionFactory db) : Endpoint<Request, Paged<Organisation>>
{
    public override void Configure()
    {
        Get("/api/v1/organisations");
        Roles([.. Auth.Roles.People, Auth.Roles.District]);
        Description(b => b.Api("Organisations_List", "Platform", "主体查询 / Search the organisation registry",
                "The task force and auditors see every organisation; a district key those registered inside its district; " +
                "issuers, applicants and experts only the one whose exact creditCode they give (to find consortium members), " +
                "and an empty page without it. A creditCode that is not a valid 统一社会信用代码 (18 characters, GB 32100-2015 check " +
                "character) is refused with 400 validation_failed, its error under `creditCode` naming the position at fault.")
            .Ok<Paged<Organisation>>().Problems(400, 401), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        var where = new Conditions();
        if (caller.IsDistrict)
        {
            if (string.IsNullOrEmpty(caller.DistrictCode))
            {
                await SendEmptyAsync(req, ct);
                return;
            }
            where.And("region_code LIKE @DistrictPrefix");
        }
        else if (!caller.ReadsEverything && req.CreditCode is null)
        {
            // Never the whole registry to people who only need to find a partner by its code.
            await SendEmptyAsync(req, ct);
            return;
        }
        where.AndIf(req.CreditCode is not null, "credit_code = @CreditCode")
            .AndIf(req.Type is not null, "org_type = @Type")
            .AndIf(req.Region is not null, "region_code LIKE @RegionPrefix");
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            where.And($"{db.Dialect.ContainsIgnoreCase("name", "@Q")} OR {db.Dialect.ContainsIgnoreCase("credit_code", "@Q")}");
        }
        var args = new
        {
            DistrictPrefix = caller.DistrictCode + "%",
            req.CreditCode,
            Type = req.Type?.ToString(),
            RegionPrefix = req.Region + "%",
            Q = string.IsNullOrWhiteSpace(req.Q) ? null : SqlDialect.ContainsPattern(req.Q.Trim()),
            Skip = req.Skip,
            Take = req.PageSize,
        };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(Data.Count(where.Sql), args);
        var rows = await connection.QueryAsync<OrganisationStore.Row>(Data.Page(where.Sql, db.Dialect.Page), args);
        await Send.OkAsync(new Paged<Organisation>
        {
            Items = rows.Select(r => Organisation.From(r, caller)).ToList(), Total = total, Page = req.Page, PageSize = req.PageSize,
        }, ct);
    }

    private Task SendEmptyAsync(Request req, CancellationToken ct) =>
        Send.OkAsync(new Paged<Organisation> { Items = [], Total = 0, Page = req.Page, PageSize = req.PageSize }, ct);
}
