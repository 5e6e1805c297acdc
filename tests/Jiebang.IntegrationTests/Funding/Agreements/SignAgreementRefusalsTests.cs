using System.Net;
using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Funding.Agreements;

/// <summary>The refusals of signing an agreement that no other test produces; each stores nothing.</summary>
public abstract class SignAgreementRefusalsTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task A_challenge_that_is_no_longer_published_cannot_be_awarded_and_nothing_is_stored()
    {
        var (batchId, selected) = await new FundingScenario(Host).SelectedAsync(1);
        var tf = await Host.As(Cast.TaskForce);
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);
        // A direct command, on purpose: the selection above went through Review, but Terminated comes only from Funding
        // itself (terminating an agreement of the challenge, or a failed acceptance), and this test needs the challenge
        // terminated while a selected application of it is still unsigned — through the API that takes a second consortium
        // on the same challenge and a whole agreement signed and terminated first. The command is the one Funding sends.
        using (var scope = Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new MarkChallengeTerminated(selected[0].ChallengeId, Guid.NewGuid(), "发榜企业终止需求"));
        }
        Assert.Equal("Terminated", (string?)(await tf.GetAsync($"/api/v1/challenges/{selected[0].ChallengeId}").Expect(HttpStatusCode.OK))["status"]);

        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(selected[0].ApplicationId))
            .ExpectProblem(HttpStatusCode.Conflict, "funding.challenge_not_awardable"));
    }

    [Fact]
    public async Task A_lead_that_already_has_an_agreement_with_the_issuer_is_not_a_first_cooperation_and_nothing_is_stored()
    {
        var funding = new FundingScenario(Host);
        var lead = await funding.EnterpriseAsync();
        var (batch1, first) = await funding.SelectedAsync(1, leadOrganisation: lead);
        var (batch2, second) = await funding.SelectedAsync(1, leadOrganisation: lead);
        var tf = await Host.As(Cast.TaskForce);
        await tf.PutJson($"/api/v1/batches/{batch1}/funding-policy", FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);
        await tf.PutJson($"/api/v1/batches/{batch2}/funding-policy", FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);
        await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(first[0].ApplicationId)).Expect(HttpStatusCode.Created);

        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(second[0].ApplicationId))
            .ExpectProblem(HttpStatusCode.Conflict, "funding.not_first_cooperation"));
    }

    /// <summary>
    /// Once an agreement is signed the application is contracted and the challenge awarded, so a later signing is refused
    /// before the write. Only a signing that read both while the first was still being written reaches the check inside the
    /// transaction: the test holds the batch's policy row so that both signings have read them and wait, then lets them go.
    /// PostgreSQL shows who waits on a row lock (pg_locks); SQLite has no such view, so it is skipped there.
    /// </summary>
    [Fact]
    public async Task A_second_signing_that_read_the_application_before_the_first_committed_finds_the_agreement_and_stores_nothing()
    {
        Assert.SkipWhen(Host.ProviderName != "Postgres", $"{Host.ProviderName}: no view of the sessions waiting on a row lock");
        var (batchId, selected) = await new FundingScenario(Host).SelectedAsync(1);
        var tf = await Host.As(Cast.TaskForce);
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);
        var clients = await Task.WhenAll(Host.As(Cast.TaskForce), Host.As(Cast.TaskForce));

        await using var holder = await Host.Db.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await holder.ExecuteAsync("SELECT batch_id FROM funding_policy WHERE batch_id = @BatchId FOR UPDATE", new { BatchId = batchId }, hold);
        var calls = clients.Select(async client =>
        {
            var response = await client.PostJson("/api/v1/agreements", FundingScenario.Agreement(selected[0].ApplicationId));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        await using (var watcher = await Host.Db.OpenAsync())
        {
            var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
            while (await watcher.ExecuteScalarAsync<long>("""
                       SELECT COUNT(DISTINCT l.pid) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                       WHERE NOT l.granted AND a.datname = current_database()
                       """) < 2)
            {
                Assert.True(DateTimeOffset.UtcNow < deadline, "The two signings never both waited on the batch's policy row");
                Assert.DoesNotContain(calls, c => c.IsCompleted);
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }
        await hold.RollbackAsync();
        var results = await Task.WhenAll(calls);

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Created);
        var refused = Assert.Single(results, r => r.StatusCode != HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("funding.agreement_exists", (string?)System.Text.Json.Nodes.JsonNode.Parse(refused.Body)!["code"]);
        await using var connection = await Host.Db.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM funding_agreement WHERE application_id = @Id",
            new { Id = selected[0].ApplicationId }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM funding_ledger WHERE batch_id = @BatchId AND kind = 'Commit'", new { BatchId = batchId }));
    }
}

public sealed class SignAgreementRefusalsTestsOnSqlite(SqliteHost host) : SignAgreementRefusalsTests(host), IClassFixture<SqliteHost>;
public sealed class SignAgreementRefusalsTestsOnPostgres(PostgresHost host) : SignAgreementRefusalsTests(host), IClassFixture<PostgresHost>;
public sealed class SignAgreementRefusalsTestsOnSqlServer(SqlServerHost host) : SignAgreementRefusalsTests(host), IClassFixture<SqlServerHost>;
