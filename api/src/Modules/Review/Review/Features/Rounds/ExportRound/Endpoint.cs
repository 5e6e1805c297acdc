using FastEndpoints;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Jiebang.Review.Data;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Review.Features.Rounds.ExportRound;

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/v1/review/rounds/{id:guid}/export");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Export", "Review", "导出论证结果与专家评分（.xlsx，仅工作专班） / Export results and per-expert scores as .xlsx (task force only)")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), Workbook.Xlsx).Problems(401, 403, 404, 409)
            .Codes(409, "review.round_not_closed"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var (file, problem) = await Workbook.BuildAsync(db, Route<Guid>("id"), null, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
        }
        else
        {
            await Send.BytesAsync(file!.Content, file.FileName, file.ContentType, cancellation: ct);
        }
    }
}
