using FastEndpoints;
using Jiebang.Applications.Data;
using Jiebang.Applications.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Applications.Features.Applications.GetApplication;

internal sealed class Endpoint(DbConnectionFactory db, TimeProvider clock) : EndpointWithoutRequest<ApplicationDetail>
{
    public override void Configure()
    {
        Get("/api/v1/applications/{id:guid}");
        Roles([.. Platform.Auth.Roles.People, Platform.Auth.Roles.District]);
        Description(b => b.Api("Applications_Get", "Applications", "申报书详情 / Get an application",
                "Sealed until the deadline: issuers and experts get 404 before the window closes.")
            .Ok<ApplicationDetail>().ETag().Problems(401, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await ApplicationStore.LoadAsync(connection, Route<Guid>("id"));
        if (row is null || !row.IsVisibleTo(User.Caller(), clock.GetUtcNow()))
        {
            await Send.ResultAsync(Problems.NotFound("application"));
        }
        else
        {
            HttpContext.Response.Headers.ETag = Versioning.ETag(row.Version);
            await Send.OkAsync(await ApplicationStore.DetailAsync(connection, row), ct);
        }
    }
}
