using FastEndpoints;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Experts.ListExperts;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<List<ReviewExpert>>
{
    public override void Configure()
    {
        Get("/api/v1/review/experts");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor);
        Description(b => b.Api("Experts_List", "Review", "专家库 / List the expert pool")
            .Ok<List<ReviewExpert>>().Problems(401, 403), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await ExpertStore.ListAsync(connection, null, activeOnly: false);
        await Send.OkAsync(rows.Select(r => r.ToModel()).ToList(), ct);
    }
}
