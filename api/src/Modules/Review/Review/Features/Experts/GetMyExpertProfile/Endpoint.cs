using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Experts.GetMyExpertProfile;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<ReviewExpert>
{
    public override void Configure()
    {
        Get("/api/v1/review/me/expert");
        Roles(Platform.Auth.Roles.Expert);
        Description(b => b.Api("Experts_GetMine", "Review", "我的专家信息 / The signed-in expert's own profile")
            .Ok<ReviewExpert>().ETag().Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = User.Caller().ExpertId is { } id ? await ExpertStore.LoadAsync(connection, id) : null;
        if (row is null)
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
