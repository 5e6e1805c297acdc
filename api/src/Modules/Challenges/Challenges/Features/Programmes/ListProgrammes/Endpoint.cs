using Dapper;
using FastEndpoints;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;

namespace Jiebang.Challenges.Features.Programmes.ListProgrammes;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<IReadOnlyList<Programme>>
{
    public override void Configure()
    {
        Get("/api/v1/programmes");
        AllowAnonymous();
        Description(b => b.Api("Programmes_List", "Challenges", "工程列表 / List programmes")
            .Ok<IReadOnlyList<Programme>>(), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await Send.OkAsync((await connection.QueryAsync<Programme>(ProgrammeStore.All)).AsList(), ct);
    }
}
