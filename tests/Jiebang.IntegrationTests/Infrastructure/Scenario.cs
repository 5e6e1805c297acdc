using System.Net;
using System.Text.Json.Nodes;

namespace Jiebang.IntegrationTests.Infrastructure;

/// <summary>Small builders that set up data through the API, the way people would.</summary>
public sealed class Scenario(JiebangHost host)
{
    private static int _counter;

    public static string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    public async Task<Guid> ProgrammeAsync()
    {
        var tf = await host.As(Cast.TaskForce);
        var node = await tf.PostJson("/api/v1/programmes", new
        {
            code = Unique("P"), name = "测试工程", operatorName = "测试管委会", targetConsortia = 30, targetYear = 2025,
        }).Expect(HttpStatusCode.Created);
        return Guid.Parse((string)node["id"]!);
    }

    /// <summary>A draft batch whose window runs from <paramref name="opensOn"/> to <paramref name="closesOn"/> (Asia/Shanghai days).</summary>
    public async Task<JsonNode> BatchAsync(DateOnly opensOn, DateOnly closesOn, Guid? programme = null)
    {
        var tf = await host.As(Cast.TaskForce);
        var programmeId = programme ?? await ProgrammeAsync();
        return await tf.PostJson($"/api/v1/programmes/{programmeId}/batches", new
        {
            code = Unique("B"), name = "测试批次", opensOn = opensOn.ToString("yyyy-MM-dd"), closesOn = closesOn.ToString("yyyy-MM-dd"),
        }).Expect(HttpStatusCode.Created);
    }

    /// <summary>A draft batch open from yesterday to 30 days ahead of the host clock.</summary>
    public Task<JsonNode> OpenBatchAsync()
    {
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().AddHours(8).DateTime);
        return BatchAsync(today.AddDays(-1), today.AddDays(30));
    }

    public static object ChallengeBody(Guid batchId, string? title = null, string field = "MedicalDevices") => new
    {
        batchId,
        field,
        title = title ?? Unique("测试需求"),
        titleEn = "Test need",
        background = "关键部件依赖进口，交付周期长。",
        indicators = new[]
        {
            new { name = "定位精度", target = "≤0.5", unit = "mm", verification = "第三方检测" },
            new { name = "重复精度", target = "≤0.1", unit = "mm", verification = "用户验证" },
        },
        deliverables = new[] { "样机一套", "检测报告" },
        rdMonths = 24,
        plannedInvestmentFen = 500_000_000L,
        procurement = new { amountFen = 2_000_000_000L, quantity = "200台/年", terms = "验收后采购" },
        contact = new { name = "张工", phone = "010-12345678", email = "zhang@example.com" },
    };

    /// <summary>What an edit of a draft challenge sends: <see cref="ChallengeBody"/> without the batch, which an update does not declare.</summary>
    public static System.Text.Json.Nodes.JsonObject ChallengeChanges(string? title = null, string field = "MedicalDevices")
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(ChallengeBody(Guid.Empty, title, field), Json.Options)!.AsObject();
        body.Remove("batchId");
        return body;
    }

    /// <summary><see cref="ChallengeBody"/> as the JSON the API reads (for tests that need to change its text).</summary>
    public static string ChallengeBodyJson(Guid batchId) =>
        System.Text.Json.JsonSerializer.Serialize(ChallengeBody(batchId),
            new System.Text.Json.JsonSerializerOptions(Json.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public async Task<JsonNode> DraftAsync(Guid batchId, string issuer = Cast.IssuerA, string? title = null, string field = "MedicalDevices")
    {
        var client = await host.As(issuer);
        return await client.PostJson("/api/v1/challenges", ChallengeBody(batchId, title, field)).Expect(HttpStatusCode.Created);
    }

    /// <summary>Draft → Submitted → Approved → batch published; returns the published challenge and its batch.</summary>
    public async Task<(JsonNode Challenge, JsonNode Batch)> PublishedAsync(JsonNode? batch = null, string issuer = Cast.IssuerA)
    {
        batch ??= await OpenBatchAsync();
        var batchId = Guid.Parse((string)batch["id"]!);
        var draft = await DraftAsync(batchId, issuer);
        var id = (string)draft["id"]!;
        var client = await host.As(issuer);
        var tf = await host.As(Cast.TaskForce);
        await client.PostJson($"/api/v1/challenges/{id}/submit").Expect(HttpStatusCode.OK);
        await tf.PostJson($"/api/v1/challenges/{id}/approve").Expect(HttpStatusCode.OK);
        var published = await tf.PostJson($"/api/v1/batches/{batchId}/publish").Expect(HttpStatusCode.OK);
        var challenge = await host.Anonymous().GetAsync($"/api/v1/challenges/{id}").Expect(HttpStatusCode.OK);
        return (challenge, published);
    }
}

/// <summary>The consortium agreement in tests: members confirm through the district portal that covers them.</summary>
public static class Consortia
{
    /// <summary>
    /// Confirms every member of the application that has not confirmed its current role and share, each through the test
    /// district key whose district covers its region (海淀 110108 or 朝阳 110105, e.g. <see cref="Cast.MemberOrg"/>).
    /// </summary>
    public static async Task ConfirmAllAsync(JiebangHost host, string applicationId)
    {
        var tf = await host.As(Cast.TaskForce);
        var application = await tf.GetAsync($"/api/v1/applications/{applicationId}").Expect(HttpStatusCode.OK);
        foreach (var member in application["members"]!.AsArray())
        {
            if (!(bool)member!["confirmationRequired"]! || member["confirmedAt"] is not null)
            {
                continue;
            }
            var region = (string)member["regionCode"]!;
            var key = region.StartsWith("110108", StringComparison.Ordinal) ? host.Cast.DistrictKey
                : region.StartsWith("110105", StringComparison.Ordinal) ? host.Cast.OtherDistrictKey
                : throw new InvalidOperationException($"No test district key covers region {region} of {member["organisationName"]}");
            await host.WithApiKey(key).PostJson($"/api/v1/applications/{applicationId}/confirmation",
                new { organisationId = (string)member["organisationId"]! }).Expect(HttpStatusCode.OK);
        }
    }
}

public static class ApplicationBodies
{
    /// <summary>A complete application to a published challenge (its indicators answered), alone or with members.</summary>
    public static Dictionary<string, object?> Complete(JsonNode challenge, object[]? members = null, bool declarations = true, Guid? lead = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["challengeId"] = (string)challenge["id"]!,
            ["technicalApproach"] = "采用多模态力反馈闭环控制方案。",
            ["team"] = new[] { new { name = "李教授", title = "教授", role = "项目负责人" } },
            ["indicatorResponses"] = challenge["indicators"]!.AsArray()
                .Select(i => new { indicatorId = (string)i!["id"]!, committedValue = "≤0.3", note = "优于需求" }).ToArray(),
            ["ownInvestmentFen"] = 300_000_000L,
            ["milestones"] = new[] { new { name = "样机", dueMonth = 12, deliverable = "样机一套" }, new { name = "验收", dueMonth = 24, deliverable = "检测报告" } },
            ["declarations"] = new { firstCooperation = declarations, noBadCreditRecord = declarations, ipProtection = declarations },
            ["members"] = members ?? Array.Empty<object>(),
        };
        if (lead is not null)
        {
            body["leadOrganisationId"] = lead;
        }
        return body;
    }

    /// <summary>What an update of a draft sends: <see cref="Complete"/> without the challenge and the lead, which an update does not declare.</summary>
    public static Dictionary<string, object?> Changes(JsonNode challenge, object[]? members = null, bool declarations = true)
    {
        var body = Complete(challenge, members, declarations);
        body.Remove("challengeId");
        return body;
    }
}
