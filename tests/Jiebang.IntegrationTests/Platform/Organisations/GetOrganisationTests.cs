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
    public async Task A_district_key_reads_organisations_of_its_district_and_gets_404_for_the_others()
    {
        var haidian = await RegisterAsync(Body(NewCode("110108")));
        var chaoyang = await RegisterAsync(Body(NewCode("110105")));
        var district = Host.WithApiKey(Host.Cast.DistrictKey);
        var other = Host.WithApiKey(Host.Cast.OtherDistrictKey);
        await district.GetAsync($"{Url}/{haidian["id"]}").Expect(HttpStatusCode.OK);
        await district.GetAsync($"{Url}/{chaoyang["id"]}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await other.GetAsync($"{Url}/{chaoyang["id"]}").Expect(HttpStatusCode.OK);
        await other.GetAsync($"{Url}/{haidian["id"]}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await (await Host.As(Cast.Expert)).GetAsync($"{Url}/{chaoyang["id"]}").Expect(HttpStatusCode.OK);
        await (await Host.As(Cast.Auditor)).GetAsync($"{Url}/{Guid.NewGuid()}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await Host.Anonymous().GetAsync($"{Url}/{haidian["id"]}").ExpectProblem(HttpStatusCode.Unauthorized, "auth.required");

        var page = await district.GetAsync($"{Url}?pageSize=200").Expect(HttpStatusCode.OK);
        var regions = page["items"]!.AsArray().Select(i => (string)i!["regionCode"]!).ToList();
        Assert.Equal(regions.Count, (int)page["total"]!);
        Assert.All(regions, r => Assert.StartsWith("110108", r));
        Assert.Contains(page["items"]!.AsArray(), i => (string?)i!["id"] == (string?)haidian["id"]);
    }
}
