using Dapper;
using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations.Views;

namespace Jiebang.Platform.Organisations.Features.GetOrganisation;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<Organisation>
{
    public override void Configure()
    {
        Get("/api/v1/organisations/{id:guid}");
        Roles([.. Auth.Roles.People, Auth.Roles.District]);
        Description(b => b.Api("Organisations_Get", "Platform", "主体详情 / Get an organisation",
                "Any signed-in person; a district key only for organisations registered inside its district (404 otherwise).")
            .Ok<Organisation>().ETag().Problems(401, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<OrganisationStore.Row>(Data.SelectById, new { Id = Route<Guid>("id") });
        var caller = User.Caller();
        if (row is null || !row.IsVisibleTo(caller))
        {
            await Send.ResultAsync(Problems.NotFound("organisation"));
            return;
        }
        HttpContext.Response.Headers.ETag = Versioning.ETag(row.Version);
        await Send.OkAsync(Organisation.From(row, caller), ct);
    }
}
