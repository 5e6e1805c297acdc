using System.Net;
using Jiebang.Challenges.Contracts;
using Jiebang.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Challenges.Integrations;

/// <summary>
/// Other modules move challenges through commands in Challenges.Contracts and read them through its queries; handling a
/// command twice changes nothing.
/// </summary>
public abstract partial class IntegrationsTests(JiebangHost host) : HostTests(host)
{
    private async Task SendAsync<T>(T command) where T : ICommand
    {
        using var scope = Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    private async Task<(string Status, int Version, int AuditEntries)> StateAsync(string id)
    {
        var tf = await Host.As(Cast.TaskForce);
        var detail = await tf.GetAsync($"/api/v1/challenges/{id}").Expect(HttpStatusCode.OK);
        var audit = await tf.GetAsync($"/api/v1/audit?entityId={id}&pageSize=100").Expect(HttpStatusCode.OK);
        return ((string)detail["status"]!, (int)detail["version"]!, (int)audit["total"]!);
    }

    [Fact]
    public async Task Awarded_then_completed_and_each_repeated_notification_changes_nothing()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var id = (string)challenge["id"]!;
        var challengeId = Guid.Parse(id);
        var agreement = Guid.NewGuid();

        await SendAsync(new MarkChallengeAwarded(challengeId, agreement));
        var awarded = await StateAsync(id);
        Assert.Equal("Awarded", awarded.Status);
        var snapshot = await DatabaseSnapshot.TakeAsync(Host);
        await SendAsync(new MarkChallengeAwarded(challengeId, agreement));
        Assert.Equal(snapshot, await DatabaseSnapshot.TakeAsync(Host));

        await SendAsync(new MarkChallengeCompleted(challengeId, agreement));
        Assert.Equal("Completed", (await StateAsync(id)).Status);
        snapshot = await DatabaseSnapshot.TakeAsync(Host);
        await SendAsync(new MarkChallengeCompleted(challengeId, agreement));
        await SendAsync(new MarkChallengeTerminated(challengeId, agreement, "不适用"));
        Assert.Equal(snapshot, await DatabaseSnapshot.TakeAsync(Host));

        var audit = await (await Host.As(Cast.Auditor)).GetAsync($"/api/v1/audit?entityId={id}&action=Award").Expect(HttpStatusCode.OK);
        Assert.Equal("Funding", (string?)audit["items"]![0]!["actorName"]);
    }

    [Fact]
    public async Task Unawarded_and_terminated_follow_the_state_machine()
    {
        var batch = await Scenario.OpenBatchAsync();
        var (first, _) = await Scenario.PublishedAsync(batch);
        await SendAsync(new MarkChallengeUnawarded(Guid.Parse((string)first["id"]!), Guid.NewGuid(), "无单位通过论证"));
        var state = await StateAsync((string)first["id"]!);
        Assert.Equal("Unawarded", state.Status);

        var (second, _) = await Scenario.PublishedAsync();
        var id = Guid.Parse((string)second["id"]!);
        await SendAsync(new MarkChallengeAwarded(id, Guid.NewGuid()));
        await SendAsync(new MarkChallengeTerminated(id, Guid.NewGuid(), "研发失败"));
        var terminated = await (await Host.As(Cast.TaskForce)).GetAsync($"/api/v1/challenges/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal("Terminated", (string?)terminated["status"]);
        Assert.Equal("研发失败", (string?)terminated["statusReason"]);
    }

    [Fact]
    public async Task Need_review_outcomes_approve_or_reject_a_challenge_under_review()
    {
        var batchId = Guid.Parse((string)(await Scenario.OpenBatchAsync())["id"]!);
        var issuer = await Host.As(Cast.IssuerA);
        var tf = await Host.As(Cast.TaskForce);
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var draft = await Scenario.DraftAsync(batchId);
            await issuer.PostJson($"/api/v1/challenges/{draft["id"]}/submit").Expect(HttpStatusCode.OK);
            var sent = await tf.PostJson($"/api/v1/challenges/{draft["id"]}/send-to-review").Expect(HttpStatusCode.OK);
            Assert.Equal("UnderReview", (string?)sent["status"]);
            ids.Add(Guid.Parse((string)draft["id"]!));
        }
        await SendAsync(new ApproveChallengeNeed(ids[0], Guid.NewGuid(), "专家论证通过"));
        await SendAsync(new RejectChallengeNeed(ids[1], Guid.NewGuid(), "需求不属于卡脖子技术"));
        Assert.Equal("Approved", (await StateAsync(ids[0].ToString())).Status);
        Assert.Equal("Rejected", (await StateAsync(ids[1].ToString())).Status);
    }
}

public sealed class IntegrationsTestsOnSqlite(SqliteHost host) : IntegrationsTests(host), IClassFixture<SqliteHost>;
public sealed class IntegrationsTestsOnPostgres(PostgresHost host) : IntegrationsTests(host), IClassFixture<PostgresHost>;
public sealed class IntegrationsTestsOnSqlServer(SqlServerHost host) : IntegrationsTests(host), IClassFixture<SqlServerHost>;
