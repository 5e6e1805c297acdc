using Dapper;
using FastEndpoints;
using Jiebang.Challenges.Features.ListProgrammes;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Challenges.Features.Shared;

namespace Jiebang.Challenges.Features.CreateProgramme;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, Programme>
{
    public override void Configure()
    {
        Post("/api/v1/programmes");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Programmes_Create", "Challenges", "创建工程 / Create a programme")
            .Body<Request>().Ok<Programme>(201).Location().Problems(400, 401, 403, 409).Codes(409, "programme.code_taken"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var code = req.Code.Trim();
            if (await connection.ExecuteScalarAsync<int>(Data.CodeTaken, new { Code = code }, tx) > 0)
            {
                await Send.ResultAsync(Problems.Conflict("programme.code_taken", $"编码 {code} 已被使用", $"The code {code} is already used"));
                return;
            }
            var id = Guid.CreateVersion7();
            await connection.ExecuteAsync(Data.Insert, new
            {
                Id = id, Code = code, Name = req.Name.Trim(), req.NameEn, OperatorName = req.OperatorName.Trim(), req.Description,
                req.TargetConsortia, req.TargetYear, IsDemo = false, Now = clock.GetUtcNow(),
            }, tx);
            await audit.WriteAsync(connection, tx, User.Caller(), ChallengeStore.Module, "Programme", id, "Create", new { code, name = req.Name });
            var created = await ProgrammeQueries.GetAsync(connection, id, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.Location = $"/api/v1/programmes/{id}";
            await Send.ResponseAsync(created!, 201, ct);
        }
    }
}
