using System.Net;
using Jiebang.IntegrationTests.Challenges.DemoData;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Scenarios;

/// <summary>The demo data: the first 强链工程 batch as reported in December 2020, and labelled demo batches.</summary>
public abstract class ChallengesFirstBatchTests(JiebangHost host) : HostTests(host)
{
    private static readonly (string Field, string Title)[] Reported =
    [
        ("新一代信息技术", "面向存储器版图设计的浏览器及IP集成工具"),
        ("新一代信息技术", "IPC（网络摄像机）加密授权芯片解决方案"),
        ("新一代信息技术", "Micro LED显示控制集成电路"),
        ("新一代信息技术", "工业生产通用流程模拟系统软件"),
        ("生物医药", "高性能医用涡轮"),
        ("生物医药", "多自由度力控医用机械臂"),
        ("生物医药", "医用铂铬合金管"),
        ("生物医药", "CT滑环"),
        ("生物医药", "生物药生产的层析填料"),
        ("生物医药", "一次性生物反应器内衬袋和中间品存放袋"),
    ];

    [Fact]
    public async Task The_first_batch_lists_exactly_the_ten_reported_needs_with_their_chinese_titles_and_fields()
    {
        var anonymous = Host.Anonymous();
        var batches = (await anonymous.GetAsync("/api/v1/batches").Expect(HttpStatusCode.OK)).AsArray();
        var first = batches.Single(b => (string?)b!["code"] == "ZGC-2020-01")!;
        Assert.Equal("2020-12-29", (string?)first["opensOn"]);
        Assert.Equal("2021-02-10", (string?)first["closesOn"]);
        Assert.Equal("Closed", (string?)first["phase"]);
        Assert.False((bool)first["isDemo"]!);

        var page = await anonymous.GetAsync($"/api/v1/challenges?batch={first["id"]}&pageSize=50").Expect(HttpStatusCode.OK);
        Assert.Equal(10, (int)page["total"]!);
        var listed = page["items"]!.AsArray().Select(i => ((string)i!["fieldName"]!, (string)i["title"]!)).ToArray();
        Assert.Equal(Reported, listed);
        var named = page["items"]!.AsArray().Single(i => (string?)i!["title"] == "多自由度力控医用机械臂")!;
        Assert.Equal("北京天智航医疗科技股份有限公司", (string?)named["issuerName"]);

        var detail = await anonymous.GetAsync($"/api/v1/challenges/{named["id"]}").Expect(HttpStatusCode.OK);
        Assert.Contains("演示占位", (string?)detail["sourceNote"]);
        Assert.Contains("演示占位", (string?)detail["background"]);
    }

    [Fact]
    public async Task Demo_batches_say_they_are_demo_data_and_one_is_open_now()
    {
        var batches = (await (await Host.As("taskforce", "Demo#2026")).GetAsync("/api/v1/batches").Expect(HttpStatusCode.OK)).AsArray();
        var open = batches.Single(b => (string?)b!["code"] == "DEMO-OPEN")!;
        Assert.True((bool)open["isDemo"]!);
        Assert.Contains("演示数据", (string?)open["name"]);
        Assert.Equal("Open", (string?)open["phase"]);
        var next = batches.Single(b => (string?)b!["code"] == "DEMO-NEXT")!;
        Assert.Equal("Draft", (string?)next["status"]);
        var demoPage = await Host.Anonymous().GetAsync($"/api/v1/challenges?batch={open["id"]}").Expect(HttpStatusCode.OK);
        Assert.All(demoPage["items"]!.AsArray(), i => Assert.True((bool)i!["isDemo"]!));
        Assert.All(demoPage["items"]!.AsArray(), i => Assert.StartsWith("【演示】", (string?)i!["title"]));

        var district = Host.WithApiKey("jbk_demo0108_haidian-demo-key-not-for-production");
        await district.GetAsync($"/api/v1/challenges?batch={open["id"]}").Expect(HttpStatusCode.OK);
        foreach (var user in new[] { "issuer1", "issuer2", "applicant1", "applicant2", "expert1", "expert2", "expert3", "auditor" })
        {
            var me = await (await Host.As(user, "Demo#2026")).GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.OK);
            Assert.True((bool)me["isDemo"]!);
        }
    }
}

public sealed class ChallengesFirstBatchTestsOnSqlite(DemoSqliteHost host) : ChallengesFirstBatchTests(host), IClassFixture<DemoSqliteHost>;
public sealed class ChallengesFirstBatchTestsOnPostgres(DemoPostgresHost host) : ChallengesFirstBatchTests(host), IClassFixture<DemoPostgresHost>;
