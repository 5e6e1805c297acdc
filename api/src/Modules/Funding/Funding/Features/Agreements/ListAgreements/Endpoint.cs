using Dapper;
using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Jiebang.Platform.Paging;

namespace Jiebang.Funding.Features.Agreements.ListAgreements;

internal sealed class Endpoint(DbConnectionFactory db) : Endpoint<Request, Paged<AgreementListItem>>
{
    public override void Configure()
    {
        Get("/api/v1/agreements");
        Roles(Platform.Auth.Roles.People);
        Description(b => b.Api("Agreements_List", "Funding",
                "合作研发协议列表 / List the agreements the caller may see, newest first",
                "The task force and auditors see every agreement; an issuer those on its own challenges; an applicant those its organisation is lead or " +
                "member of; "
                + "experts none. Rows a caller may not see are never counted.")
            .Ok<Paged<AgreementListItem>>().Problems(400, 401, 403), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        var where = Data.Visible(caller)
            .AndIf(req.Batch is not null, "a.batch_id = @Batch")
            .AndIf(req.Challenge is not null, "a.challenge_id = @Challenge")
            .AndIf(req.Status is not null, "a.status = @Status");
        var args = new
        {
            Org = caller.OrganisationId, req.Batch, req.Challenge, Status = req.Status?.ToString(), Skip = req.Skip, Take = req.PageSize,
        };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(Data.Count(where), args);
        var rows = await connection.QueryAsync<AgreementListRow>(Data.Page(where, db.Dialect), args);
        await Send.OkAsync(new Paged<AgreementListItem>
        {
            Items = rows.Select(r => r.ToItem()).ToList(), Total = total, Page = req.Page, PageSize = req.PageSize,
        }, ct);
    }
}
