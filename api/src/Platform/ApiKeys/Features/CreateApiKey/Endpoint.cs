using FastEndpoints;
using Jiebang.Platform.ApiKeys.Data;
using Jiebang.Platform.ApiKeys.Views;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.ApiKeys.Features.CreateApiKey;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, IssuedApiKey>
{
    public override void Configure()
    {
        Post("/api/v1/api-keys");
        Roles(Auth.Roles.TaskForce);
        Description(b => b.Api("ApiKeys_Create", "Platform", "新建接口密钥 / Create a district API key",
                "The task force only. The answer shows the key once (only its prefix and a hash are kept); the district portal " +
                "sends it as the X-Api-Key header. Audited (never the key).")
            .Body<Request>().Ok<IssuedApiKey>(201).ETag().Problems(400, 401, 403)
            .Example(new { name = "海淀区门户", districtCode = "110108" }), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var name = req.Name.Trim();
            var (id, key) = await ApiKeyStore.InsertAsync(w.Connection, w.Transaction, name, req.DistrictCode, w.Caller.Name, w.Now);
            var row = (await ApiKeyStore.LoadAsync(w.Connection, id, w.Transaction))!;
            await w.AuditAsync(ApiKeyStore.Module, ApiKeyStore.Entity, id, "Create", new { name, req.DistrictCode, row.Prefix });
            return new WriteAnswer(StatusCodes.Status201Created, new IssuedApiKey { Key = key, ApiKey = ApiKey.From(row) }, row.Version);
        }, ct));
    }
}
