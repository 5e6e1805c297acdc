using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Experts.GetExpert;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<ReviewExpert>
{
    public override void Configure()
    {
        Get("/api/v1/review/experts/{id:guid}");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor, Platform.Auth.Roles.Expert);
        Description(b => b.Api("Experts_Get", "Review", "专家详情（专家仅本人） / Get an expert (an expert only itself)")
            .Ok<ReviewExpert>().ETag().Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var caller = User.Caller();
        var id = Route<Guid>("id");
        await using var connection = await db.OpenAsync(ct);
        var row = await ExpertStore.LoadAsync(connection, id);
        if (row is null || !(caller.ReadsEverything || caller.ExpertId == id))
        {
            await Send.ResultAsync(Problems.NotFound("expert"));
        }
        else
        {
            HttpContext.Response.Headers.ETag = Versioning.ETag(row.Version);
            await Send.OkAsync(row.ToModel(), ct);
        }
    }
}
