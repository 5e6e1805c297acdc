using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Registrations;

public abstract partial class RegistrationsTests
{
    [Fact]
    public async Task The_task_force_and_auditors_list_the_queue_by_status_and_text_and_nobody_else_does()
    {
        var pending = NewCode();
        var rejected = NewCode();
        var first = await SubmitAsync(pending);
        var second = await SubmitAsync(rejected);
        await RejectAsync((string)second["reference"]!, "执照模糊");

        foreach (var who in new[] { Cast.TaskForce, Cast.Auditor })
        {
            var client = await Host.As(who);
            var queue = await client.GetAsync($"{Url}?status=Pending&pageSize=200").Expect(HttpStatusCode.OK);
            var ids = queue["items"]!.AsArray().Select(i => (string)i!["id"]!).ToList();
            Assert.Contains((string)first["reference"]!, ids);
            Assert.DoesNotContain((string)second["reference"]!, ids);
            Assert.All(queue["items"]!.AsArray(), i => Assert.Equal("Pending", (string?)i!["status"]));

            var found = await client.GetAsync($"{Url}?q={rejected[8..]}").Expect(HttpStatusCode.OK);
            var item = Assert.Single(found["items"]!.AsArray())!;
            Assert.Equal(1, (int)found["total"]!);
            Assert.Equal("Rejected", (string?)item["status"]);
            Assert.Equal(rejected, (string?)item["creditCode"]);
            Assert.Equal("Enterprise", (string?)item["orgType"]);
            Assert.Equal("unit-" + rejected[^6..].ToLowerInvariant(), (string?)item["adminUserName"]);
            Assert.False((bool)item["isDemo"]!);
            Assert.NotNull(item["reviewedAt"]);
        }

        await Host.Anonymous().GetAsync(Url).Expect(HttpStatusCode.Unauthorized);
        foreach (var who in new[] { Cast.IssuerA, Cast.Applicant, Cast.Expert })
        {
            await (await Host.As(who)).GetAsync(Url).Expect(HttpStatusCode.Forbidden);
        }
        await Host.WithApiKey(Host.Cast.DistrictKey).GetAsync(Url).Expect(HttpStatusCode.Forbidden);
    }
}
