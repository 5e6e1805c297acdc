using System.Net.Http.Headers;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Portal.Client;

namespace Jiebang.ContractTests.Portal;

/// <summary>
/// A district portal knows Jiebang only through the committed OpenAPI document: these tests drive the real host through
/// the client NSwag generates from it, with the district's API key, the way a portal would.
/// </summary>
public abstract class PortalWorkflowTests(JiebangHost host) : HostTests(host)
{
    private HttpClient Portal() => Host.WithApiKey(Host.Cast.DistrictKey);

    /// <summary>How long following the feed to its end may take before the test fails instead of hanging.</summary>
    private static readonly TimeSpan FollowLimit = TimeSpan.FromSeconds(120);

    private static async Task<(List<FeedItem> Items, string Next)> FollowAsync(FeedClient feed, string? after)
    {
        var items = new List<FeedItem>();
        var deadline = DateTime.UtcNow + FollowLimit;
        while (true)
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"following the feed did not reach its end within {FollowLimit.TotalSeconds} s ({items.Count} events read)");
            var page = await feed.ReadAsync(after, limit: 50);
            items.AddRange(page.Items);
            after = page.Next;
            if (!page.HasMore)
            {
                return (items, after);
            }
        }
    }

    [Fact]
    public async Task A_district_portal_lists_registers_applies_retries_and_follows_the_feed_through_the_generated_client()
    {
        var (published, _) = await Scenario.PublishedAsync();
        var challengeId = Guid.Parse((string)published["id"]!);
        var http = Portal();
        var challenges = new ChallengesClient(http);
        var organisations = new OrganisationsClient(http);
        var applications = new ApplicationsClient(http);
        var feed = new FeedClient(http);
        var (_, start) = await FollowAsync(feed, null);

        // 1. The open challenges, as the portal shows them.
        var open = await challenges.ListAsync(phase: ApplicationPhase.Open, pageSize: 100);
        var listed = Assert.Single(open.Items, c => c.Id == challengeId);
        Assert.Equal(ChallengeStatus.Published, listed.Status);
        var challenge = await challenges.GetAsync(challengeId);
        Assert.NotEmpty(challenge.Indicators);

        // 2. A unit of the district registers.
        var creditCode = Cast.Code("91110108MA0P" + Random.Shared.Next(10000, 99999));
        var unit = await organisations.RegisterAsync(new RegisterOrganisationRequest
        {
            CreditCode = creditCode, Name = "门户登记测试企业", Type = OrganisationType.Enterprise, RegionCode = "110108",
            IndependentLegalPerson = true,
        });
        Assert.Equal(creditCode, unit.CreditCode);

        // 3. A draft and a submission, each with an Idempotency-Key; the submission is retried as after a lost response.
        var body = new CreateApplicationRequest
        {
            ChallengeId = challengeId,
            LeadOrganisationId = unit.Id,
            TechnicalApproach = "门户提交：基于国产芯片的闭环控制方案。",
            Team = [new TeamMember { Name = "王工", Title = "高级工程师", Role = "项目负责人" }],
            IndicatorResponses = challenge.Indicators.Select(i => new IndicatorResponse { IndicatorId = i.Id, CommittedValue = "≤0.3" }).ToList(),
            OwnInvestmentFen = 250_000_000,
            Milestones = [new Milestone { Name = "样机", DueMonth = 12, Deliverable = "样机一套" }],
            Declarations = new Declarations { FirstCooperation = true, NoBadCreditRecord = true, IpProtection = true },
        };
        var createKey = Guid.NewGuid().ToString("N");
        var draft = await applications.CreateAsync(body, idempotency_Key: createKey);
        var draftAgain = await applications.CreateAsync(body, idempotency_Key: createKey);
        Assert.Equal(draft.Id, draftAgain.Id);

        var submitKey = Guid.NewGuid().ToString("N");
        var submitted = await applications.SubmitAsync(draft.Id, new SubmitApplicationRequest(), idempotency_Key: submitKey);
        var retried = await applications.SubmitAsync(draft.Id, new SubmitApplicationRequest(), idempotency_Key: submitKey);
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        Assert.Equal(submitted.SubmittedVersion, retried.SubmittedVersion);
        Assert.Equal(submitted.Version, retried.Version);
        Assert.Single(await applications.ListVersionsAsync(draft.Id));

        // The same key with another body is refused with a problem document the client can read.
        var reused = await Assert.ThrowsAsync<JiebangApiException<ApiProblem>>(() =>
            applications.CreateAsync(new CreateApplicationRequest
            {
                ChallengeId = challengeId, LeadOrganisationId = unit.Id, TechnicalApproach = "另一份", Team = body.Team,
                IndicatorResponses = body.IndicatorResponses, OwnInvestmentFen = 1, Milestones = body.Milestones, Declarations = body.Declarations,
            }, idempotency_Key: createKey));
        Assert.Equal(422, reused.StatusCode);
        Assert.Equal("idempotency.key_reused", reused.Result.Code);

        var (afterSubmit, cursor) = await FollowAsync(feed, start);
        Assert.Contains(afterSubmit, e => e.ResourceId == draft.Id && e.Type == "application.status_changed" && e.Data["status"] == "Submitted");
        Assert.Single(afterSubmit, e => e.ResourceId == draft.Id);

        // 4. After the deadline the task force runs the formal check; the portal sees the outcome on the feed.
        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(challenge.ClosesAt.AddMinutes(1));
            var late = await Assert.ThrowsAsync<JiebangApiException<ApiProblem>>(() =>
                applications.SubmitAsync(draft.Id, new SubmitApplicationRequest(), idempotency_Key: Guid.NewGuid().ToString("N")));
            Assert.Equal(409, late.StatusCode);
            Assert.Equal("application.window_closed", late.Result.Code);

            var token = await new AuthClient(Host.Anonymous()).IssueTokenAsync(new IssueTokenRequest { UserName = Cast.TaskForce, Password = JiebangHost.Password });
            var taskForce = Host.Anonymous();
            taskForce.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            await new ApplicationsClient(taskForce).RunEligibilityCheckAsync(challenge.BatchId);

            var (afterCheck, _) = await FollowAsync(feed, cursor);
            var change = Assert.Single(afterCheck, e => e.ResourceId == draft.Id);
            Assert.Equal("Submitted", change.Data["from"]);
            Assert.Equal("Eligible", change.Data["status"]);
            Assert.Contains(afterCheck, e => e.ResourceId == challenge.BatchId && e.Type == "batch.window_closed");
            Assert.Equal(ApplicationStatus.Eligible, (await applications.GetAsync(draft.Id)).Status);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }

    [Fact]
    public async Task A_key_outside_the_district_does_not_see_the_portals_application_even_that_it_exists()
    {
        var (published, _) = await Scenario.PublishedAsync();
        var challenge = await new ChallengesClient(Portal()).GetAsync(Guid.Parse((string)published["id"]!));
        var application = await new ApplicationsClient(Portal()).CreateAsync(new CreateApplicationRequest
        {
            ChallengeId = challenge.Id,
            LeadOrganisationId = Host.Cast.ApplicantOrg,
            TechnicalApproach = "区外不可见",
            Team = [new TeamMember { Name = "赵工", Title = "工程师", Role = "负责人" }],
            IndicatorResponses = challenge.Indicators.Select(i => new IndicatorResponse { IndicatorId = i.Id, CommittedValue = "≤0.3" }).ToList(),
            OwnInvestmentFen = 100_000_000,
            Milestones = [new Milestone { Name = "样机", DueMonth = 12, Deliverable = "样机" }],
            Declarations = new Declarations { FirstCooperation = true, NoBadCreditRecord = true, IpProtection = true },
        });

        var outside = new ApplicationsClient(Host.WithApiKey(Host.Cast.OtherDistrictKey));
        var missing = await Assert.ThrowsAsync<JiebangApiException<ApiProblem>>(() => outside.GetAsync(application.Id));
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal("not_found", missing.Result.Code);
        Assert.DoesNotContain((await outside.ListAsync(pageSize: 200)).Items, a => a.Id == application.Id);
    }
}

public sealed class PortalWorkflowTestsOnSqlite(SqliteHost host) : PortalWorkflowTests(host), IClassFixture<SqliteHost>;

public sealed class PortalWorkflowTestsOnPostgres(PostgresHost host) : PortalWorkflowTests(host), IClassFixture<PostgresHost>;

public sealed class PortalWorkflowTestsOnSqlServer(SqlServerHost host) : PortalWorkflowTests(host), IClassFixture<SqlServerHost>;
