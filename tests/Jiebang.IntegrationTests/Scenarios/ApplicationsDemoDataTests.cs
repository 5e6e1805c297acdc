using System.Net;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Challenges.DemoData;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Demo;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Jiebang.IntegrationTests.Scenarios;

/// <summary>The demo applications on DEMO-OPEN: labelled, honest, and enough to run the formal check on.</summary>
public abstract class ApplicationsDemoDataTests(JiebangHost host) : HostTests(host)
{
    private const string DemoPassword = "Demo#2026";

    private async Task<(HttpClient TaskForce, JsonNode Batch, JsonArray Items)> DemoApplicationsAsync()
    {
        var tf = await Host.As("taskforce", DemoPassword);
        var batch = (await tf.GetAsync("/api/v1/batches").Expect(HttpStatusCode.OK)).AsArray().Single(b => (string?)b!["code"] == "DEMO-OPEN")!;
        var page = await tf.GetAsync($"/api/v1/applications?batch={batch["id"]}&pageSize=50").Expect(HttpStatusCode.OK);
        return (tf, batch, page["items"]!.AsArray());
    }

    [Fact]
    public async Task Demo_applications_exist_on_the_open_demo_batch_and_say_they_are_demo_data()
    {
        var (tf, batch, items) = await DemoApplicationsAsync();
        Assert.True(items.Count >= 4, $"{items.Count} demo applications");
        Assert.All(items, i => Assert.True((bool)i!["isDemo"]!));
        Assert.All(items, i => Assert.Contains("演示数据", (string?)i!["leadOrganisationName"]));
        // Submitted, or already through the formal check when the other test of this class ran first.
        Assert.Equal(3, items.Count(i => (string?)i!["status"] is "Submitted" or "Eligible" or "Ineligible"));
        Assert.Equal(1, items.Count(i => (string?)i!["status"] == "Draft"));

        var details = new List<JsonNode>();
        foreach (var item in items)
        {
            details.Add(await tf.GetAsync($"/api/v1/applications/{item!["id"]}").Expect(HttpStatusCode.OK));
        }
        Assert.All(details, d => Assert.Contains("演示数据", (string?)d["technicalApproach"]));
        var consortium = details.Single(d => d["members"]!.AsArray().Select(m => (int)m!["budgetShareBp"]!).Order().SequenceEqual([4000, 6000]));
        Assert.NotEqual("Draft", (string?)consortium["status"]);
        Assert.Equal("Lead", (string?)consortium["members"]!.AsArray().Single(m => (int)m!["budgetShareBp"]! == 6000)!["role"]);
        var challenge = await tf.GetAsync($"/api/v1/challenges/{consortium["challengeId"]}").Expect(HttpStatusCode.OK);
        Assert.Equal(challenge["indicators"]!.AsArray().Select(i => (string)i!["id"]!).Order(),
            consortium["indicatorResponses"]!.AsArray().Select(r => (string)r!["indicatorId"]!).Order());
        var versions = await tf.GetAsync($"/api/v1/applications/{consortium["id"]}/versions").Expect(HttpStatusCode.OK);
        Assert.Single(versions.AsArray());

        // The demo applicants see their own.
        var university = await (await Host.As("applicant1", DemoPassword)).GetAsync($"/api/v1/applications?batch={batch["id"]}").Expect(HttpStatusCode.OK);
        Assert.True((int)university["total"]! >= 2);

        var export = await tf.GetAsync($"/api/v1/applications/export?batch={batch["id"]}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = MiniExcel.Query(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string,
            object?>>().ToList();
        Assert.Equal(items.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal("是", r["演示数据"]));

        // Seeding is once per database: running the seeders again adds nothing.
        foreach (var seeder in Host.Services.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(CancellationToken.None);
        }
        Assert.Equal(items.Count, (await DemoApplicationsAsync()).Items.Count);
    }

    [Fact]
    public async Task The_formal_check_after_the_demo_deadline_finds_eligible_and_ineligible_applications()
    {
        var (tf, batch, items) = await DemoApplicationsAsync();
        var closesOn = DateOnly.Parse((string)batch["closesOn"]!, System.Globalization.CultureInfo.InvariantCulture);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(new DateTimeOffset(closesOn.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
            var result = await tf.PostJson($"/api/v1/batches/{batch["id"]}/eligibility-check").Expect(HttpStatusCode.OK);
            Assert.Equal(3, (int)result["checked"]!);
            Assert.True((int)result["eligible"]! >= 1);
            Assert.Equal(1, (int)result["ineligible"]!);

            var page = await tf.GetAsync($"/api/v1/applications?batch={batch["id"]}&eligibility=Ineligible").Expect(HttpStatusCode.OK);
            var ineligible = await tf.GetAsync($"/api/v1/applications/{page["items"]![0]!["id"]}").Expect(HttpStatusCode.OK);
            var failed = ineligible["eligibilityResults"]!.AsArray().Where(r => !(bool)r!["passed"]!).Select(r => (string)r!["code"]!).ToList();
            Assert.Equal(["eligibility.good_standing"], failed);
            Assert.Contains(ineligible["members"]!.AsArray(), m => ((string)m!["organisationName"]!).Contains("演示数据"));
            Assert.Equal(items.Count, (await DemoApplicationsAsync()).Items.Count);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class ApplicationsDemoDataTestsOnSqlite(DemoSqliteHost host) : ApplicationsDemoDataTests(host), IClassFixture<DemoSqliteHost>;
public sealed class ApplicationsDemoDataTestsOnPostgres(DemoPostgresHost host) : ApplicationsDemoDataTests(host), IClassFixture<DemoPostgresHost>;
