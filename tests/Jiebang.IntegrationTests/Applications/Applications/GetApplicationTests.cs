using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Applications.Applications;

public abstract partial class ApplicationTests
{
    [Fact]
    public async Task A_members_user_and_its_district_read_the_application_but_only_the_lead_side_edits_it()
    {
        var (challenge, _, id) = await Apps.ConsortiumDraftAsync();
        var member = await Apps.MemberUserAsync();
        await member.GetAsync($"/api/v1/applications/{id}").Expect(HttpStatusCode.OK);
        var listed = await member.GetAsync($"/api/v1/applications?challenge={challenge["id"]}").Expect(HttpStatusCode.OK);
        Assert.Equal(id, (string?)Assert.Single(listed["items"]!.AsArray())!["id"]);
        await DatabaseSnapshot.Unchanged(Host, () => member.PostJson($"/api/v1/applications/{id}/submit").ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));

        // 朝阳区 covers the member (110105), not the lead (海淀区 110108): it reads and confirms for its unit, and edits nothing.
        var chaoyang = Host.WithApiKey(Host.Cast.OtherDistrictKey);
        await chaoyang.GetAsync($"/api/v1/applications/{id}").Expect(HttpStatusCode.OK);
        var districtList = await chaoyang.GetAsync($"/api/v1/applications?challenge={challenge["id"]}").Expect(HttpStatusCode.OK);
        Assert.Equal(id, (string?)Assert.Single(districtList["items"]!.AsArray())!["id"]);
        await DatabaseSnapshot.Unchanged(Host, () => chaoyang.PutJson($"/api/v1/applications/{id}", ApplicationBodies.Changes(challenge,
            Apps.Consortium()), "\"1\"")
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        await DatabaseSnapshot.Unchanged(Host, () => chaoyang.PostJson($"/api/v1/applications/{id}/submit").ExpectProblem(HttpStatusCode.Forbidden,
            "forbidden"));
        await DatabaseSnapshot.Unchanged(Host, () => chaoyang.PostJson($"/api/v1/applications/{id}/withdraw").ExpectProblem(HttpStatusCode.Forbidden,
            "forbidden"));
        await DatabaseSnapshot.Unchanged(Host, () => chaoyang.PostJson($"/api/v1/applications/{id}/confirmation")
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var byDistrict = await chaoyang.PostJson($"/api/v1/applications/{id}/confirmation",
            new { organisationId = Host.Cast.MemberOrg }).Expect(HttpStatusCode.OK);
        Assert.Equal("110105", (string?)byDistrict["members"]![1]!["confirmedByDistrict"]);

        // The lead's district may not confirm for a unit outside it; nobody else may touch the application at all.
        await DatabaseSnapshot.Unchanged(Host, () => Host.WithApiKey(Host.Cast.DistrictKey).PostJson($"/api/v1/applications/{id}/confirmation/withdraw",
            new { organisationId = Host.Cast.MemberOrg }).ExpectProblem(HttpStatusCode.Forbidden, "district.out_of_scope"));
        var unique = Random.Shared.Next(10000, 99999).ToString();
        var (_, outsiderUser) = await Apps.UnitWithUserAsync($"91110108{unique}CCDE", "无关企业", OrganisationTypes.Enterprise);
        var outsider = await Host.As(outsiderUser);
        await outsider.GetAsync($"/api/v1/applications/{id}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await DatabaseSnapshot.Unchanged(Host,
            () => outsider.PostJson($"/api/v1/applications/{id}/confirmation/withdraw").ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        await DatabaseSnapshot.Unchanged(Host, () => member.PostJson($"/api/v1/applications/{id}/confirmation", new { organisationId = Host.Cast.ApplicantOrg })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
    }
}
