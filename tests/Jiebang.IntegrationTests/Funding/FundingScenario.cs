using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.IntegrationTests.Review;
using Jiebang.Platform.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Funding;

/// <summary>Builds what funding needs: a published batch of challenges, each with one selected application.</summary>
public sealed class FundingScenario(JiebangHost host)
{
    private static int _orgCounter;

    /// <summary>One selected application (and its challenge).</summary>
    public sealed record Selected(Guid ApplicationId, Guid ChallengeId, Guid LeadOrganisationId);

    /// <summary>
    /// A batch with <paramref name="count"/> published challenges of issuer A; each gets an application from its own new
    /// enterprise in 海淀区 (filed by the district portal), so every one is a first cooperation with the issuer. The
    /// applications are submitted, pass the formal check after the deadline, and are selected by an application review
    /// round driven through Review's endpoints (<see cref="ReviewScenario.DecideAsync"/>); the applications at the indices
    /// <paramref name="notSelected"/> fail the round instead, which leaves their challenges Unawarded.
    /// </summary>
    public async Task<(Guid BatchId, IReadOnlyList<Selected> Applications)> SelectedAsync(int count, bool withApplicantUser = false,
        Guid? leadOrganisation = null, Guid? programmeId = null, string field = "MedicalDevices", int[]? notSelected = null)
    {
        var scenario = new Scenario(host);
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().AddHours(8).DateTime);
        var batch = programmeId is null ? await scenario.OpenBatchAsync() : await scenario.BatchAsync(today.AddDays(-1), today.AddDays(30), programmeId);
        var batchId = Guid.Parse((string)batch["id"]!);
        var issuer = await host.As(Cast.IssuerA);
        var tf = await host.As(Cast.TaskForce);
        var challengeIds = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var draft = await scenario.DraftAsync(batchId, field: field);
            var id = (string)draft["id"]!;
            await issuer.PostJson($"/api/v1/challenges/{id}/submit").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/challenges/{id}/approve").Expect(HttpStatusCode.OK);
            challengeIds.Add(id);
        }
        var published = await tf.PostJson($"/api/v1/batches/{batchId}/publish").Expect(HttpStatusCode.OK);
        var district = host.WithApiKey(host.Cast.DistrictKey);
        var applicant = await host.As(Cast.Applicant);
        var drafts = new List<(Guid Application, Guid Challenge, Guid Lead)>();
        foreach (var challengeId in challengeIds)
        {
            var challenge = await host.Anonymous().GetAsync($"/api/v1/challenges/{challengeId}").Expect(HttpStatusCode.OK);
            JsonNode draft;
            Guid lead;
            if (withApplicantUser && drafts.Count == 0)
            {
                lead = host.Cast.ApplicantOrg;
                draft = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
                await applicant.PostJson($"/api/v1/applications/{draft["id"]}/submit").Expect(HttpStatusCode.OK);
            }
            else
            {
                lead = leadOrganisation ?? await EnterpriseAsync();
                draft = await district.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge, lead: lead)).Expect(HttpStatusCode.Created);
                await district.PostJson($"/api/v1/applications/{draft["id"]}/submit").Expect(HttpStatusCode.OK);
            }
            drafts.Add((Guid.Parse((string)draft["id"]!), Guid.Parse(challengeId), lead));
        }
        var saved = host.Clock.GetUtcNow();
        try
        {
            host.Clock.SetUtcNow(DateTimeOffset.Parse((string)published["closesAt"]!).AddMinutes(1));
            await tf.PostJson($"/api/v1/batches/{batchId}/eligibility-check").Expect(HttpStatusCode.OK);
            // Selected the way it happens for real: Review's round goes to Final and its messages, through the outbox,
            // move the applications (and leave a challenge whose only application failed Unawarded).
            var failed = (notSelected ?? []).Select(i => drafts[i].Application).ToHashSet();
            await new ReviewScenario(host).DecideAsync(drafts.Select(d => d.Application).ToList(), failing: failed);
            foreach (var (application, _, _) in drafts)
            {
                var status = (string?)(await tf.GetAsync($"/api/v1/applications/{application}").Expect(HttpStatusCode.OK))["status"];
                Assert.Equal(failed.Contains(application) ? "NotSelected" : "Selected", status);
            }
        }
        finally
        {
            host.Clock.SetUtcNow(saved);
        }
        return (batchId, drafts.Select(d => new Selected(d.Application, d.Challenge, d.Lead)).ToList());
    }

    /// <summary>A new enterprise registered in 海淀区, in good standing and an independent legal person.</summary>
    public async Task<Guid> EnterpriseAsync()
    {
        var n = Interlocked.Increment(ref _orgCounter);
        var unique = (Random.Shared.Next(100, 999) * 100 + n % 100).ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
        var orgs = host.Services.GetRequiredService<OrganisationStore>();
        var (connection, tx) = await host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            var org = await orgs.EnsureAsync(connection, tx, Cast.Code($"91110108{unique}FUND"), $"测试揭榜企业{unique}", OrganisationTypes.Enterprise, false);
            await connection.ExecuteAsync("UPDATE platform_organisation SET independent_legal_person = @L, credit_standing = @S WHERE id = @Id",
                new { L = true, S = "Good", org.Id }, tx);
            await tx.CommitAsync();
            return org.Id;
        }
    }

    /// <summary>The issuer (A) countersigns the agreement, so tranches can be paid.</summary>
    public async Task<JsonNode> ConfirmedByIssuerAsync(string agreementId) =>
        await (await host.As(Cast.IssuerA)).PostJson($"/api/v1/agreements/{agreementId}/issuer-confirmation").Expect(HttpStatusCode.OK);

    public static object Policy(long totalBudgetFen, int ratioBp = 3000, long capPerProjectFen = 100_000_000L) => new
    {
        ratioBp,
        capPerProjectFen,
        totalBudgetFen,
        tranches = new[] { new { percent = 40, milestoneIndex = 0 }, new { percent = 30, milestoneIndex = 1 }, new { percent = 30, milestoneIndex = 2 } },
    };

    /// <summary>An agreement over 2027–2028 with three milestones; <paramref name="targets"/> are agreed at the last (acceptance) one.</summary>
    public static object Agreement(Guid applicationId, long issuerInvestmentFen = 1_000_000L, long applicantInvestmentFen = 2_000_000L,
        (Guid IndicatorId, string Target)[]? targets = null) => new
    {
        applicationId,
        issuerInvestmentFen,
        applicantInvestmentFen,
        startsOn = "2027-01-01",
        endsOn = "2028-12-31",
        milestones = new object[]
        {
            new { name = "签约启动", dueOn = "2027-01-01", trancheIndex = 0, deliverables = new[] { "研发方案" }, indicatorTargets = Array.Empty<object>() },
            new { name = "中期检查", dueOn = "2027-12-31", trancheIndex = 1, deliverables = new[] { "样机", "中期测试报告" }, indicatorTargets = Array.Empty<object>() },
            new
            {
                name = "验收", dueOn = "2028-12-31", trancheIndex = 2, deliverables = new[] { "验收测试报告" },
                indicatorTargets = (targets ?? []).Select(t => new { indicatorId = t.IndicatorId, target = t.Target }).ToArray(),
            },
        },
    };
}
