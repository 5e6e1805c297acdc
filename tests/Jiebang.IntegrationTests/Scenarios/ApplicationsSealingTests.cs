using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Scenarios;

/// <summary>Sealed until the deadline: issuers and experts see nothing of the applications before the window closes.</summary>
public abstract class ApplicationsSealingTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task The_issuer_and_experts_get_404_before_the_deadline_and_the_issuer_sees_its_own_after_it()
    {
        var (challenge, batch) = await Scenario.PublishedAsync(issuer: Cast.IssuerA);
        var applicant = await Host.As(Cast.Applicant);
        var draft = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
        var url = $"/api/v1/applications/{draft["id"]}";
        await applicant.PostJson($"{url}/submit").Expect(HttpStatusCode.OK);
        var unsubmitted = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);

        var issuer = await Host.As(Cast.IssuerA);
        var otherIssuer = await Host.As(Cast.IssuerB);
        var expert = await Host.As(Cast.Expert);
        var listUrl = $"/api/v1/applications?challenge={challenge["id"]}";
        foreach (var client in new[] { issuer, otherIssuer, expert })
        {
            await client.GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
            await client.GetAsync($"{url}/versions").ExpectProblem(HttpStatusCode.NotFound, "not_found");
            Assert.Equal(0, (int)(await client.GetAsync(listUrl).Expect(HttpStatusCode.OK))["total"]!);
        }
        await (await Host.As(Cast.TaskForce)).GetAsync(url).Expect(HttpStatusCode.OK);
        Assert.Equal(2, (int)(await (await Host.As(Cast.TaskForce)).GetAsync(listUrl).Expect(HttpStatusCode.OK))["total"]!);

        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)batch["closesAt"]!));
            var seen = await issuer.GetAsync(url).Expect(HttpStatusCode.OK);
            Assert.Equal("Submitted", (string?)seen["status"]);
            var list = await issuer.GetAsync(listUrl).Expect(HttpStatusCode.OK);
            Assert.Equal(1, (int)list["total"]!);
            await issuer.GetAsync($"/api/v1/applications/{unsubmitted["id"]}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
            await otherIssuer.GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
            await expert.GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
            await Host.Anonymous().GetAsync(url).ExpectProblem(HttpStatusCode.Unauthorized, "auth.required");
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }

    [Fact]
    public async Task After_the_deadline_the_issuer_still_never_sees_a_withdrawn_or_a_draft_application_in_detail_versions_or_list()
    {
        var (challenge, batch) = await Scenario.PublishedAsync(issuer: Cast.IssuerA);
        var applicant = await Host.As(Cast.Applicant);
        async Task<string> SubmittedAsync()
        {
            var created = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
            await applicant.PostJson($"/api/v1/applications/{created["id"]}/submit").Expect(HttpStatusCode.OK);
            return (string)created["id"]!;
        }
        var submitted = await SubmittedAsync();
        var withdrawn = await SubmittedAsync();
        var withdrawal = await applicant.PostJson($"/api/v1/applications/{withdrawn}/withdraw", new { reason = "改投其他需求" }).Expect(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", (string?)withdrawal["status"]);
        var draft = (string)(await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created))["id"]!;

        var issuer = await Host.As(Cast.IssuerA);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)batch["closesAt"]!, System.Globalization.CultureInfo.InvariantCulture).AddDays(1));
            await issuer.GetAsync($"/api/v1/applications/{submitted}").Expect(HttpStatusCode.OK);
            foreach (var hidden in new[] { withdrawn, draft })
            {
                await issuer.GetAsync($"/api/v1/applications/{hidden}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
                await issuer.GetAsync($"/api/v1/applications/{hidden}/versions").ExpectProblem(HttpStatusCode.NotFound, "not_found");
            }
            foreach (var query in new[] { $"challenge={challenge["id"]}", $"batch={batch["id"]}", $"challenge={challenge["id"]}&status=Withdrawn" })
            {
                var list = await issuer.GetAsync($"/api/v1/applications?{query}").Expect(HttpStatusCode.OK);
                var ids = list["items"]!.AsArray().Select(i => (string)i!["id"]!).ToList();
                Assert.DoesNotContain(withdrawn, ids);
                Assert.DoesNotContain(draft, ids);
                Assert.Equal(ids.Count, (int)list["total"]!);
            }
            Assert.Equal([submitted], (await issuer.GetAsync($"/api/v1/applications?challenge={challenge["id"]}").Expect(HttpStatusCode.OK))["items"]!
                .AsArray().Select(i => (string)i!["id"]!));
            // The task force sees all three, so what the issuer misses is hidden from it, not missing.
            Assert.Equal(3, (int)(await (await Host.As(Cast.TaskForce)).GetAsync($"/api/v1/applications?challenge={challenge["id"]}")
                .Expect(HttpStatusCode.OK))["total"]!);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class ApplicationsSealingTestsOnSqlite(SqliteHost host) : ApplicationsSealingTests(host), IClassFixture<SqliteHost>;
public sealed class ApplicationsSealingTestsOnPostgres(PostgresHost host) : ApplicationsSealingTests(host), IClassFixture<PostgresHost>;
public sealed class ApplicationsSealingTestsOnSqlServer(SqlServerHost host) : ApplicationsSealingTests(host), IClassFixture<SqlServerHost>;
