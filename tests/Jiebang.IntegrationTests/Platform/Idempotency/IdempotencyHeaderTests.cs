using System.Net;
using System.Net.Http.Json;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Idempotency;

/// <summary>
/// The Idempotency-Key header itself: a key that is there but unusable is refused, and a replay answers with the first
/// response's headers. Run over real sockets, as a portal's requests arrive.
/// </summary>
public abstract class IdempotencyHeaderTests(JiebangHost host) : HostTests(host)
{
    private static HttpRequestMessage Post(string url, object body, params string[] keys)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json.Options) };
        foreach (var key in keys)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }
        return request;
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    [InlineData("too-long")]
    [InlineData("two")]
    public async Task A_key_that_is_sent_but_unusable_is_refused_instead_of_turning_idempotency_off(string key)
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var portal = Host.WithApiKey(Host.Cast.DistrictKey);
        var body = ApplicationBodies.Complete(challenge, lead: Host.Cast.ApplicantOrg);
        string[] keys = key switch
        {
            "too-long" => [new string('k', 201)],
            "two" => ["first-key", "second-key"],
            _ => [key],
        };
        // Sent twice, as a retrying portal would: neither may store an application.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var problem = await DatabaseSnapshot.Unchanged(Host, () => portal.SendAsync(Post("/api/v1/applications", body, keys))
                .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
            var message = (string)problem["errors"]!["Idempotency-Key"]![0]!;
            Assert.Contains("幂等键", message, StringComparison.Ordinal);
            Assert.Contains("Idempotency-Key", message, StringComparison.Ordinal);
        }
        var tf = await Host.As(Cast.TaskForce);
        Assert.Equal(0, (int)(await tf.GetAsync($"/api/v1/applications?challenge={challenge["id"]}").Expect(HttpStatusCode.OK))["total"]!);
    }

    [Fact]
    public async Task A_replayed_create_carries_the_headers_of_the_first_response()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var portal = Host.WithApiKey(Host.Cast.DistrictKey);
        var body = ApplicationBodies.Complete(challenge, lead: Host.Cast.ApplicantOrg);
        var key = Guid.NewGuid().ToString();

        var first = await portal.SendAsync(Post("/api/v1/applications", body, key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.NotNull(first.Headers.Location);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));

        var before = await DatabaseSnapshot.TakeAsync(Host);
        var replay = await portal.SendAsync(Post("/api/v1/applications", body, key));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.ETag, replay.Headers.ETag);
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(Host));

        // The replay's ETag is the one the first response gave, even after the application moved on.
        var id = (string)(await first.NodeAsync())["id"]!;
        var submitKey = Guid.NewGuid().ToString();
        var submitted = await portal.SendAsync(Post($"/api/v1/applications/{id}/submit", new { }, submitKey));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.NotEqual(first.Headers.ETag, submitted.Headers.ETag);
        var again = await portal.SendAsync(Post("/api/v1/applications", body, key));
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        var resubmitted = await portal.SendAsync(Post($"/api/v1/applications/{id}/submit", new { }, submitKey));
        Assert.Equal("true", resubmitted.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(submitted.Headers.ETag, resubmitted.Headers.ETag);
    }
}

// Over real sockets: only Kestrel passes an empty header on (the in-memory test server drops it) and trims a blank one to empty.
public sealed class IdempotencyHeaderTestsOnSqlite(SqliteOverSocketsHost host) : IdempotencyHeaderTests(host), IClassFixture<SqliteOverSocketsHost>;
public sealed class IdempotencyHeaderTestsOnPostgres(PostgresOverSocketsHost host) : IdempotencyHeaderTests(host), IClassFixture<PostgresOverSocketsHost>;
