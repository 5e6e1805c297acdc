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
    public async Task The_task_force_corrects_a_record_with_a_reason_and_if_match_which_verifies_it_is_audited_and_reaches_the_feed()
    {
        // A university registered through the district portal without its 成果转化基地.
        var district = Host.WithApiKey(Host.Cast.DistrictKey);
        var code = NewInstitutionCode("110108");
        var registered = await district.PostJson(Url, new
        {
            creditCode = code, name = "北京测试理工大学", type = "University", regionCode = "110108", independentLegalPerson = true,
        }).Expect(HttpStatusCode.Created);
        var id = (string)registered["id"]!;
        Assert.False((bool)registered["verified"]!);
        Assert.Null(registered["registeredBy"]);

        var tf = await Host.As(Cast.TaskForce);
        var seen = await tf.GetAsync($"{Url}/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal("DistrictKey", (string?)seen["registeredBy"]!["kind"]);
        Assert.Equal("海淀区门户（测试）", (string?)seen["registeredBy"]!["name"]);
        Assert.Null((await (await Host.As(Cast.Applicant)).GetAsync($"{Url}/{id}").Expect(HttpStatusCode.OK))["registeredBy"]);

        // Registering it again with the missing facts is refused; the task force corrects instead.
        await district.PostJson(Url, new
        {
            creditCode = code, name = "北京测试理工大学", type = "University", regionCode = "110108", independentLegalPerson = true,
            commercialisationBase = "技术转移中心",
        }).ExpectProblem(HttpStatusCode.Conflict, "organisation.already_registered");

        await DatabaseSnapshot.Unchanged(Host, () => PutAsync(tf, $"{Url}/{id}", Correction("北京测试理工大学"), null)
            .ExpectProblem(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required"));
        await DatabaseSnapshot.Unchanged(Host, () => PutAsync(tf, $"{Url}/{id}", Correction("北京测试理工大学"), "\"7\"")
            .ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
        await DatabaseSnapshot.Unchanged(Host, () => PutAsync(tf, $"{Url}/{id}", Correction("北京测试理工大学", reason: " "), "\"1\"")
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        // The credit code stays, so a region outside its authority's division is refused.
        await DatabaseSnapshot.Unchanged(Host, () => PutAsync(tf, $"{Url}/{id}", Correction("北京测试理工大学", region: "110105"), "\"1\"")
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await PutAsync(tf, $"{Url}/{Guid.NewGuid()}", Correction("北京测试理工大学"), "\"1\"").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await PutAsync(await Host.As(Cast.Applicant), $"{Url}/{id}", Correction("北京测试理工大学"), "\"1\"").Expect(HttpStatusCode.Forbidden);

        var response = await PutAsync(tf, $"{Url}/{id}", Correction("北京测试理工大学"), "\"1\"");
        var corrected = await Task.FromResult(response).Expect(HttpStatusCode.OK);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal("技术转移中心", (string?)corrected["commercialisationBase"]);
        Assert.True((bool)corrected["verified"]!);
        Assert.Equal(Cast.TaskForce, (string?)corrected["verifiedBy"]);
        Assert.NotNull(corrected["verifiedAt"]);
        Assert.Equal(2, (int)corrected["version"]!);

        var audit = await tf.GetAsync($"/api/v1/audit?entityType=Organisation&entityId={id}").Expect(HttpStatusCode.OK);
        var correct = audit["items"]!.AsArray().Single(a => (string?)a!["action"] == "Correct")!;
        Assert.Contains("核对法人证书", (string?)correct["summary"]);

        // The feed tells the organisation's district and the task force; not other districts, issuers or the public.
        Assert.Single(await FeedAboutAsync(tf, id), e => (string?)e["type"] == "organisation.corrected");
        Assert.Single(await FeedAboutAsync(district, id), e => (string?)e["type"] == "organisation.corrected");
        Assert.Empty(await FeedAboutAsync(Host.WithApiKey(Host.Cast.OtherDistrictKey), id));
        Assert.Empty(await FeedAboutAsync(await Host.As(Cast.IssuerA), id));
        Assert.Empty(await FeedAboutAsync(Host.Anonymous(), id));

        // The same facts now register as 200 with the corrected record.
        await district.PostJson(Url, new
        {
            creditCode = code, name = "北京测试理工大学", type = "University", regionCode = "110108", independentLegalPerson = true,
            commercialisationBase = "技术转移中心",
        }).Expect(HttpStatusCode.OK);
    }
}
