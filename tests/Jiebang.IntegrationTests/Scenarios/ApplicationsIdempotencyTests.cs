using System.Net.Http.Json;
using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Scenarios;

/// <summary>Idempotency-Key across creating and submitting: a retried or concurrent request stores one application.</summary>
public abstract class ApplicationsIdempotencyTests(JiebangHost host) : HostTests(host)
{
    private static HttpRequestMessage Post(string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task A_retried_create_and_submit_with_the_same_key_store_one_application_and_answer_the_same()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var portal = Host.WithApiKey(Host.Cast.DistrictKey);
        var body = ApplicationBodies.Complete(challenge, lead: Host.Cast.ApplicantOrg);
        var key = Guid.NewGuid().ToString();

        var first = await portal.SendAsync(Post("/api/v1/applications", body, key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstBody = await first.NodeAsync();
        var before = await DatabaseSnapshot.TakeAsync(Host);
        var retry = await portal.SendAsync(Post("/api/v1/applications", body, key));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((string?)firstBody["id"], (string?)(await retry.NodeAsync())["id"]);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(Host));

        var changed = ApplicationBodies.Complete(challenge, lead: Host.Cast.ApplicantOrg);
        changed["ownInvestmentFen"] = 1L;
        await DatabaseSnapshot.Unchanged(Host, () => portal.SendAsync(Post("/api/v1/applications", changed, key))
            .ExpectProblem(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused"));

        var submitKey = Guid.NewGuid().ToString();
        var submitUrl = $"/api/v1/applications/{firstBody["id"]}/submit";
        var submitted = await portal.SendAsync(Post(submitUrl, new { }, submitKey)).Expect(HttpStatusCode.OK);
        var again = await portal.SendAsync(Post(submitUrl, new { }, submitKey)).Expect(HttpStatusCode.OK);
        Assert.Equal(1, (int)again["submittedVersion"]!);
        Assert.Equal((int)submitted["version"]!, (int)again["version"]!);
        var versions = await portal.GetAsync($"/api/v1/applications/{firstBody["id"]}/versions").Expect(HttpStatusCode.OK);
        Assert.Single(versions.AsArray());

        var tf = await Host.As(Cast.TaskForce);
        var all = await tf.GetAsync($"/api/v1/applications?challenge={challenge["id"]}").Expect(HttpStatusCode.OK);
        Assert.Equal(1, (int)all["total"]!);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_store_one_application()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var body = ApplicationBodies.Complete(challenge);
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => applicant.SendAsync(Post("/api/v1/applications", body, key))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            ids.Add((string)(await response.NodeAsync())["id"]!);
        }
        Assert.Single(ids);
        var tf = await Host.As(Cast.TaskForce);
        Assert.Equal(1, (int)(await tf.GetAsync($"/api/v1/applications?challenge={challenge["id"]}").Expect(HttpStatusCode.OK))["total"]!);

        var other = await Host.As(Cast.IssuerA);
        await DatabaseSnapshot.Unchanged(Host, () => other.SendAsync(Post("/api/v1/applications", body, key))
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        await DatabaseSnapshot.Unchanged(Host, () => applicant.SendAsync(Post("/api/v1/applications", body, new string('k', 201)))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
    }
}

public sealed class ApplicationsIdempotencyTestsOnSqlite(SqliteHost host) : ApplicationsIdempotencyTests(host), IClassFixture<SqliteHost>;
public sealed class ApplicationsIdempotencyTestsOnPostgres(PostgresHost host) : ApplicationsIdempotencyTests(host), IClassFixture<PostgresHost>;
public sealed class ApplicationsIdempotencyTestsOnSqlServer(SqlServerHost host) : ApplicationsIdempotencyTests(host), IClassFixture<SqlServerHost>;
