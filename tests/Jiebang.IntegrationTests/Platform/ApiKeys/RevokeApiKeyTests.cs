using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.ApiKeys;

public abstract partial class ApiKeysTests
{
    [Fact]
    public async Task A_revoked_key_answers_401_on_its_next_request_and_the_revocation_is_audited()
    {
        var created = await CreateAsync();
        var (key, id) = ((string)created["key"]!, (string)created["apiKey"]!["id"]!);
        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(key));
        var tf = await Host.As(Cast.TaskForce);
        var auditor = await Host.As(Cast.Auditor);

        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"{Url}/{id}/revoke")
            .ExpectProblem(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"{Url}/{id}/revoke", ifMatch: "\"5\"")
            .ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
        await DatabaseSnapshot.Unchanged(Host, () => auditor.PostJson($"{Url}/{id}/revoke", ifMatch: "\"1\"")
            .Expect(HttpStatusCode.Forbidden));
        await tf.PostJson($"{Url}/{Guid.NewGuid()}/revoke", ifMatch: "\"1\"").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(key));

        var revoked = await tf.PostJson($"{Url}/{id}/revoke", ifMatch: "\"1\"").Expect(HttpStatusCode.OK);
        Assert.False((bool)revoked["active"]!);
        Assert.NotNull(revoked["revokedAt"]);
        Assert.Equal(2, (int)revoked["version"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, await ProbeAsync(key));
        Assert.Equal(HttpStatusCode.Unauthorized, await ProbeAsync(key));

        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"{Url}/{id}/revoke", ifMatch: "\"2\"")
            .ExpectProblem(HttpStatusCode.Conflict, "api_key.revoked"));
        Assert.Equal(["Create", "Revoke"], (await AuditAsync(id)).Select(a => (string)a!["action"]!).Reverse().ToArray());
        // The other keys still work.
        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(Host.Cast.DistrictKey));
    }
}
