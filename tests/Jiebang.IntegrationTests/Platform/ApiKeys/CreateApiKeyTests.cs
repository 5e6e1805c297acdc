using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.ApiKeys;

public abstract partial class ApiKeysTests
{
    [Fact]
    public async Task The_task_force_creates_a_key_shown_once_that_works_at_once_and_is_listed_and_audited_without_it()
    {
        var created = await CreateAsync("110102", "西城区门户（测试）");
        var key = (string)created["key"]!;
        var item = created["apiKey"]!;
        Assert.StartsWith("jbk_" + (string)item["prefix"]! + "_", key);
        Assert.Equal("110102", (string?)item["districtCode"]);
        Assert.Equal(Cast.TaskForce, (string?)item["createdBy"]);
        Assert.True((bool)item["active"]!);
        Assert.Null(item["lastUsedAt"]);
        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(key));

        foreach (var who in new[] { Cast.TaskForce, Cast.Auditor })
        {
            var listText = await (await Host.As(who)).GetStringAsync(Url);
            Assert.Contains((string)item["id"]!, listText);
            Assert.DoesNotContain(key, listText);
            Assert.DoesNotContain("hash", listText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(key[^20..], listText);
        }
        var audit = Assert.Single(await AuditAsync(item["id"]!))!;
        Assert.Equal("Create", (string?)audit["action"]);
        Assert.DoesNotContain(key, (string?)audit["summary"]);
        Assert.DoesNotContain(key[^20..], (string?)audit["summary"]);
    }

    [Fact]
    public async Task Only_the_task_force_creates_keys_for_districts_that_exist_and_only_it_and_the_auditor_list_them()
    {
        var tf = await Host.As(Cast.TaskForce);
        foreach (var district in new[] { "1", "11010", "1101081", "990000", "ab", "" })
        {
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(Url, new { name = "门户", districtCode = district })
                .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        }
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(Url, new { name = " ", districtCode = "110102" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        foreach (var client in new[] { await Host.As(Cast.Auditor), await Host.As(Cast.IssuerA), await Host.As(Cast.Applicant),
                     Host.WithApiKey(Host.Cast.DistrictKey) })
        {
            await DatabaseSnapshot.Unchanged(Host, () => client.PostJson(Url, new { name = "门户", districtCode = "110102" }).Expect(HttpStatusCode.Forbidden));
        }
        foreach (var client in new[] { await Host.As(Cast.IssuerA), await Host.As(Cast.Expert), Host.WithApiKey(Host.Cast.DistrictKey) })
        {
            await client.GetAsync(Url).Expect(HttpStatusCode.Forbidden);
        }
        await Host.Anonymous().GetAsync(Url).Expect(HttpStatusCode.Unauthorized);
        // A province and a city prefix are districts too.
        Assert.Equal("11", (string?)(await CreateAsync("11"))["apiKey"]!["districtCode"]);
        Assert.Equal("1101", (string?)(await CreateAsync("1101"))["apiKey"]!["districtCode"]);
    }

    [Fact]
    public async Task A_key_s_last_use_is_recorded_at_most_once_a_minute()
    {
        var created = await CreateAsync();
        var (key, id) = ((string)created["key"]!, (string)created["apiKey"]!["id"]!);
        Assert.Null(await LastUsedAsync(id));
        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(key));
        var first = await LastUsedAsync(id);
        Assert.Equal(Host.Clock.GetUtcNow(), first);
        Host.Clock.SetUtcNow(Host.Clock.GetUtcNow().AddSeconds(30));
        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(key));
        Assert.Equal(first, await LastUsedAsync(id));
        Host.Clock.SetUtcNow(Host.Clock.GetUtcNow().AddSeconds(31));
        Assert.Equal(HttpStatusCode.OK, await ProbeAsync(key));
        Assert.Equal(Host.Clock.GetUtcNow(), await LastUsedAsync(id));
        Assert.Equal(Host.Clock.GetUtcNow(), DateTimeOffset.Parse((string)(await ItemAsync(id))["lastUsedAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        // The version stays: recording a use is not a change anyone must see before revoking.
        Assert.Equal(1, (int)(await ItemAsync(id))["version"]!);
    }
}
