using FastEndpoints;
using Jiebang.Platform.ApiKeys.Data;
using Jiebang.Platform.ApiKeys.Views;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Platform.ApiKeys.Features.RevokeApiKey;

internal sealed class Endpoint(WritePath writes) : EndpointWithoutRequest<ApiKey>
{
    public override void Configure()
    {
        Post("/api/v1/api-keys/{id:guid}/revoke");
        Roles(Auth.Roles.TaskForce);
        Description(b => b.Api("ApiKeys_Revoke", "Platform", "吊销接口密钥 / Revoke a district API key",
                "The task force only; the key answers 401 from its next request on. A key already revoked is 409 api_key.revoked. " +
                "Audited.")
            .IfMatch(required: true).Ok<ApiKey>().ETag().Problems(401, 403, 404, 409, 412, 428).Codes(409, "api_key.revoked"),
            clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required), async w =>
        {
            var row = Write.Found(await ApiKeyStore.LoadAsync(w.Connection, id, w.Transaction), "API key");
            w.Matches(row.Version);
            Write.Require(!row.Revoked, ApiKeyProblems.Revoked());
            Write.Changed(await ApiKeyStore.RevokeAsync(w.Connection, w.Transaction, row, w.Caller.Name, null, w.Now) ? 1 : 0);
            await w.AuditAsync(ApiKeyStore.Module, ApiKeyStore.Entity, id, "Revoke", new { row.Name, row.DistrictCode, row.Prefix });
            var updated = (await ApiKeyStore.LoadAsync(w.Connection, id, w.Transaction))!;
            return Write.Ok(ApiKey.From(updated), updated.Version);
        }, ct));
    }
}
