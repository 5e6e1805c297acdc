using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Platform.Organisations;

public abstract partial class OrganisationsTests
{
    [Fact]
    public async Task Credit_standing_needs_the_current_version_and_is_audited_with_before_and_after()
    {
        var created = await RegisterAsync(Body(NewCode()));
        var url = $"{Url}/{created["id"]}/credit-standing";
        var tf = await Host.As(Cast.TaskForce);
        var bad = new { standing = "BadRecord", source = "信用中国", recordedOn = "2026-11-20" };

        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, bad).ExpectProblem(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, bad, "\"7\"").ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, new { standing = "BadRecord" }, "\"1\"")
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, new { standing = "BadRecord", source = "信用中国", recordedOn = "2026-12-01" }, "\"1\"")
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, async () => await (await Host.As(Cast.Applicant)).PutJson(url, bad, "\"1\"")
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson($"{Url}/{Guid.NewGuid()}/credit-standing", bad, "\"1\"")
            .ExpectProblem(HttpStatusCode.NotFound, "not_found"));

        var response = await tf.PutJson(url, bad, "\"1\"");
        var updated = await Task.FromResult(response).Expect(HttpStatusCode.OK);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(2, (int)updated["version"]!);
        Assert.Equal("BadRecord", (string?)updated["creditStanding"]);
        Assert.Equal("信用中国", (string?)updated["creditSource"]);
        Assert.Equal("2026-11-20", (string?)updated["creditRecordedOn"]);

        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(url, new { standing = "Good" }, "\"1\"")
            .ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
        var restored = await tf.PutJson(url, new { standing = "Good" }, "\"2\"").Expect(HttpStatusCode.OK);
        Assert.Equal("Good", (string?)restored["creditStanding"]);
        Assert.Equal("2026-11-28", (string?)restored["creditRecordedOn"]);

        var row = await Host.Services.GetRequiredService<OrganisationStore>().FindAsync(Guid.Parse((string)created["id"]!));
        Assert.Equal(CreditStanding.Good, row!.CreditStanding);
        Assert.Equal(new DateOnly(2026, 11, 28), row.CreditRecordedOn);

        var audit = await tf.GetAsync($"/api/v1/audit?entityType=Organisation&entityId={created["id"]}&action=SetCreditStanding").Expect(HttpStatusCode.OK);
        var entries = audit["items"]!.AsArray().Reverse().ToList();
        Assert.Equal(2, entries.Count);
        var summary = JsonNode.Parse((string)entries[0]!["summary"]!)!;
        Assert.Equal("Good", (string?)summary["before"]!["standing"]);
        Assert.Equal("BadRecord", (string?)summary["after"]!["standing"]);
        Assert.Equal("信用中国", (string?)summary["after"]!["source"]);
        Assert.Equal(Cast.TaskForce, (string?)entries[0]!["actorName"]);
    }
}
