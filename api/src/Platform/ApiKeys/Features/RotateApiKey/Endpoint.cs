using FastEndpoints;
using Jiebang.Platform.ApiKeys.Data;
using Jiebang.Platform.ApiKeys.Views;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.ApiKeys.Features.RotateApiKey;

internal sealed class Endpoint(WritePath writes) : EndpointWithoutRequest<IssuedApiKey>
{
    public override void Configure()
    {
        Post("/api/v1/api-keys/{id:guid}/rotate");
        Roles(Auth.Roles.TaskForce);
        Description(b => b.Api("ApiKeys_Rotate", "Platform", "轮换接口密钥 / Rotate a district API key",
                "The task force only. A new key for the same name and district, shown once; the old key is revoked at once (it " +
                "answers 401 from its next request on) and records which key replaced it. A revoked key is 409 api_key.revoked. " +
                "Audited on both keys (never the key).")
            .IfMatch(required: true).Ok<IssuedApiKey>(201).ETag().Problems(401, 403, 404, 409, 412, 428).Codes(409, "api_key.revoked"),
            clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required), async w =>
        {
            var old = Write.Found(await ApiKeyStore.LoadAsync(w.Connection, id, w.Transaction), "API key");
            w.Matches(old.Version);
            Write.Require(!old.Revoked, ApiKeyProblems.Revoked());
            var (newId, key) = await ApiKeyStore.InsertAsync(w.Connection, w.Transaction, old.Name, old.DistrictCode, w.Caller.Name, w.Now);
            Write.Changed(await ApiKeyStore.RevokeAsync(w.Connection, w.Transaction, old, w.Caller.Name, newId, w.Now) ? 1 : 0);
            var row = (await ApiKeyStore.LoadAsync(w.Connection, newId, w.Transaction))!;
            await w.AuditAsync(ApiKeyStore.Module, ApiKeyStore.Entity, id, "Rotate", new { old.Name, old.DistrictCode, old.Prefix, replacedBy = newId });
            await w.AuditAsync(ApiKeyStore.Module, ApiKeyStore.Entity, newId, "Create", new { old.Name, old.DistrictCode, row.Prefix, replaces = id });
            return new WriteAnswer(StatusCodes.Status201Created, new IssuedApiKey { Key = key, ApiKey = ApiKey.From(row) }, row.Version);
        }, ct));
    }
}
