using FastEndpoints;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Challenges.Features.Programmes.CreateProgramme;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, Programme>
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
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var code = req.Code.Trim();
            Write.Require(await w.ExecuteScalarAsync<int>(ProgrammeStore.CodeTaken, new { Code = code }) == 0,
                Problems.Conflict("programme.code_taken", $"编码 {code} 已被使用", $"The code {code} is already used"));
            var id = Guid.CreateVersion7();
            await w.ExecuteAsync(ProgrammeStore.Insert, new
            {
                Id = id, Code = code, Name = req.Name.Trim(), req.NameEn, OperatorName = req.OperatorName.Trim(), req.Description,
                req.TargetConsortia, req.TargetYear, IsDemo = false, w.Now,
            });
            await w.AuditAsync(ChallengeStore.Module, "Programme", id, "Create", new { code, name = req.Name });
            var created = (await ProgrammeStore.GetAsync(w.Connection, id, w.Transaction))!;
            return Write.Created(created, $"/api/v1/programmes/{id}");
        }, ct));
    }
}
