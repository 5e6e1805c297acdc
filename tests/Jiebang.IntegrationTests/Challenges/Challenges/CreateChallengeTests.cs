using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Challenges.Challenges;

public abstract partial class ChallengesTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task Invalid_content_is_refused_field_by_field_and_stores_nothing()
    {
        var batchId = Guid.Parse((string)(await Scenario.OpenBatchAsync())["id"]!);
        var issuer = await Host.As(Cast.IssuerA);
        var problem = await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson("/api/v1/challenges", new
        {
            batchId, field = "MedicalDevices", title = "", background = "x", indicators = Array.Empty<object>(),
            deliverables = Array.Empty<string>(), rdMonths = 0, plannedInvestmentFen = -1,
            procurement = new { }, contact = new { name = "", phone = "" },
        }).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "title", "indicators", "rdMonths", "plannedInvestmentFen", "procurement", "contact.name", "contact.phone" })
        {
            Assert.True(errors.ContainsKey(field), $"expected an error for {field}: {errors.ToJsonString()}");
        }
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson("/api/v1/challenges", Scenario.ChallengeBody(Guid.NewGuid()))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, async () =>
        {
            var response = await issuer.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/challenges")
            {
                Content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"),
            });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return response;
        });
    }

    [Fact]
    public async Task Codes_within_a_batch_are_numbered_in_order_without_gaps_or_duplicates_under_concurrency()
    {
        var batchId = Guid.Parse((string)(await Scenario.OpenBatchAsync())["id"]!);
        var issuer = await Host.As(Cast.IssuerA);
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            issuer.PostJson("/api/v1/challenges", Scenario.ChallengeBody(batchId))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var codes = new List<string>();
        foreach (var response in responses)
        {
            codes.Add((string)(await response.NodeAsync())["code"]!);
        }
        Assert.Equal(12, codes.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 12).Select(n => n.ToString("D3")), codes.Select(c => c[^3..]).Order());
    }
}

public sealed class ChallengesTestsOnSqlite(SqliteHost host) : ChallengesTests(host), IClassFixture<SqliteHost>;
public sealed class ChallengesTestsOnPostgres(PostgresHost host) : ChallengesTests(host), IClassFixture<PostgresHost>;
public sealed class ChallengesTestsOnSqlServer(SqlServerHost host) : ChallengesTests(host), IClassFixture<SqlServerHost>;
