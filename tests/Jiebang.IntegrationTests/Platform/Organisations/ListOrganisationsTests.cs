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
    public async Task People_who_do_not_read_everything_find_an_organisation_only_by_its_exact_credit_code()
    {
        var token = Scenario.Unique("Consortium");
        var code = NewCode();
        var registered = await RegisterAsync(Body(code, $"{token} 甲"));
        await RegisterAsync(Body(NewCode(), $"{token} 乙"));

        foreach (var who in new[] { Cast.Applicant, Cast.IssuerA, Cast.Expert })
        {
            var client = await Host.As(who);
            var nothing = await client.GetAsync($"{Url}?q={token}").Expect(HttpStatusCode.OK);
            Assert.Equal(0, (int)nothing["total"]!);
            Assert.Empty(nothing["items"]!.AsArray());
            var none = await client.GetAsync(Url).Expect(HttpStatusCode.OK);
            Assert.Equal(0, (int)none["total"]!);

            var found = await client.GetAsync($"{Url}?creditCode={code}").Expect(HttpStatusCode.OK);
            Assert.Equal(1, (int)found["total"]!);
            Assert.Equal((string?)registered["id"], (string?)found["items"]![0]!["id"]);
        }
        var applicant = await Host.As(Cast.Applicant);
        var wrong = code[..17] + CreditCode.Alphabet.First(c => c != code[17]);
        var problem = await applicant.GetAsync($"{Url}?creditCode={wrong}").ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("第18位", (string)problem["errors"]!["creditCode"]![0]!);
    }

    [Fact]
    public async Task The_task_force_and_auditors_see_every_organisation_with_filters_and_paging()
    {
        var token = Scenario.Unique("Registry");
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var code = NewCode(i == 2 ? "310104" : "110108");
            codes.Add(code);
            await RegisterAsync(Body(code, $"{token} 单位{i}", i == 1 ? "Institute" : "Enterprise"));
        }
        var tf = await Host.As(Cast.TaskForce);
        var all = await tf.GetAsync($"{Url}?q={token}&pageSize=50").Expect(HttpStatusCode.OK);
        Assert.Equal(3, (int)all["total"]!);
        Assert.Equal(codes.Order(StringComparer.Ordinal), all["items"]!.AsArray().Select(i => (string)i!["creditCode"]!));

        var lower = await tf.GetAsync($"{Url}?q={token.ToLowerInvariant()}").Expect(HttpStatusCode.OK);
        Assert.Equal(3, (int)lower["total"]!);
        var byCode = await tf.GetAsync($"{Url}?q={codes[0][8..].ToLowerInvariant()}").Expect(HttpStatusCode.OK);
        Assert.Equal(1, (int)byCode["total"]!);
        var institutes = await tf.GetAsync($"{Url}?q={token}&type=Institute").Expect(HttpStatusCode.OK);
        Assert.Equal(codes[1], (string?)institutes["items"]!.AsArray().Single()!["creditCode"]);
        var shanghai = await tf.GetAsync($"{Url}?q={token}&region=31").Expect(HttpStatusCode.OK);
        Assert.Equal("上海市徐汇区", (string?)shanghai["items"]!.AsArray().Single()!["regionName"]);
        var paged = await tf.GetAsync($"{Url}?q={token}&pageSize=2&page=2").Expect(HttpStatusCode.OK);
        Assert.Equal(3, (int)paged["total"]!);
        Assert.Single(paged["items"]!.AsArray());

        var everything = await (await Host.As(Cast.Auditor)).GetAsync($"{Url}?pageSize=200").Expect(HttpStatusCode.OK);
        Assert.True((int)everything["total"]! >= 6);
        await tf.GetAsync($"{Url}?region=1").ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        await tf.GetAsync($"{Url}?pageSize=0").ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
    }
}
