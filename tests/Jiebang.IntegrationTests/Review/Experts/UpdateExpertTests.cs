using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Review.Experts;

public abstract class UpdateExpertTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task The_task_force_manages_experts_with_versions_and_an_expert_declares_only_its_own_conflicts()
    {
        var tf = await Host.As(Cast.TaskForce);
        var body = new { name = "王专家", title = "研究员", fields = new[] { "Other", "NewMaterials" }, affiliationOrganisationId = Host.Cast.ApplicantOrg, declaredConflicts = Array.Empty<Guid>(), declaredPersonConflicts = Array.Empty<object>(), active = true };
        var created = await tf.PostJson("/api/v1/review/experts", body).Expect(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        Assert.Equal(1, (int)created["version"]!);
        Assert.Equal(["NewMaterials", "Other"], created["fields"]!.AsArray().Select(f => (string)f!));

        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson("/api/v1/review/experts", body with { fields = Array.Empty<string>() })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson("/api/v1/review/experts", body with { declaredConflicts = new[] { Guid.NewGuid() } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson($"/api/v1/review/experts/{id}", body)
            .ExpectProblem(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson($"/api/v1/review/experts/{id}", body, "\"7\"")
            .ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
        var updated = await tf.PutJson($"/api/v1/review/experts/{id}", body with { declaredConflicts = new[] { Host.Cast.IssuerAOrg } }, "\"1\"")
            .Expect(HttpStatusCode.OK);
        Assert.Equal(2, (int)updated["version"]!);
        Assert.Equal(Host.Cast.IssuerAOrg.ToString(), (string?)updated["declaredConflicts"]![0]);

        var issuer = await Host.As(Cast.IssuerA);
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson("/api/v1/review/experts", body).Expect(HttpStatusCode.Forbidden));

        var review = new ReviewScenario(Host);
        var me = await review.ExpertAsync(fields: ["Other"]);
        var expert = await Host.As(me.UserName);
        var profile = await expert.GetAsync("/api/v1/review/me/expert").Expect(HttpStatusCode.OK);
        Assert.Equal(me.Id.ToString(), (string?)profile["id"]);
        await expert.GetAsync($"/api/v1/review/experts/{id}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await expert.GetAsync($"/api/v1/review/experts/{me.Id}").Expect(HttpStatusCode.OK);

        var version = (int)profile["version"]!;
        await DatabaseSnapshot.Unchanged(Host, () => expert.PutJson("/api/v1/review/me/expert/conflicts",
            new { declaredConflicts = new[] { Host.Cast.MemberOrg }, declaredPersonConflicts = Array.Empty<object>() }, "\"99\"").ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
        var declared = await expert.PutJson("/api/v1/review/me/expert/conflicts",
            new { declaredConflicts = new[] { Host.Cast.MemberOrg, Host.Cast.IssuerBOrg }, declaredPersonConflicts = Array.Empty<object>() }, $"\"{version}\"").Expect(HttpStatusCode.OK);
        Assert.Equal(2, declared["declaredConflicts"]!.AsArray().Count);
        var audit = await tf.GetAsync($"/api/v1/audit?entityId={me.Id}&action=DeclareConflicts").Expect(HttpStatusCode.OK);
        Assert.Equal(1, (int)audit["total"]!);

        // A user without a linked profile has nothing to declare.
        var unlinked = await Host.As(Cast.Expert);
        await unlinked.GetAsync("/api/v1/review/me/expert").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/experts/{id}/user", new { userName = Cast.IssuerA })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/experts/{id}/user", new { userName = me.UserName })
            .ExpectProblem(HttpStatusCode.Conflict, "expert.user_taken"));
    }
}

public sealed class UpdateExpertTestsOnSqlite(SqliteHost host) : UpdateExpertTests(host), IClassFixture<SqliteHost>;
public sealed class UpdateExpertTestsOnPostgres(PostgresHost host) : UpdateExpertTests(host), IClassFixture<PostgresHost>;
public sealed class UpdateExpertTestsOnSqlServer(SqlServerHost host) : UpdateExpertTests(host), IClassFixture<SqlServerHost>;
