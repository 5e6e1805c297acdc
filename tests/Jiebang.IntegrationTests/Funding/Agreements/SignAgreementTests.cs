using System.Net;
using Jiebang.Funding.Contracts;
using Jiebang.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Funding.Agreements;

public abstract class SignAgreementTests(JiebangHost host) : HostTests(host)
{
    private FundingScenario Funding => new(Host);

    [Fact]
    public async Task Signing_reserves_the_rounded_capped_commitment_on_the_ledger_and_moves_application_and_challenge()
    {
        var (batchId, selected) = await Funding.SelectedAsync(1, withApplicantUser: true);
        var app = selected[0];
        var tf = await Host.As(Cast.TaskForce);
        var policyUrl = $"/api/v1/batches/{batchId}/funding-policy";
        await tf.PutJson(policyUrl, FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);

        using (var scope = Host.Services.CreateScope())
        {
            var prior = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new GetPriorAgreements(Host.Cast.IssuerAOrg, [Host.Cast.ApplicantOrg]));
            Assert.Empty(prior.OrganisationIds);
        }

        // 30% of (200,000,001 + 100,000,000) fen = 90,000,000.3 → 90,000,000 fen, under the 100,000,000 cap.
        var signed = await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(app.ApplicationId, 200_000_001L, 100_000_000L))
            .Expect(HttpStatusCode.Created);
        Assert.Equal(90_000_000L, (long)signed["commitmentFen"]!);
        Assert.Equal(300_000_001L, (long)signed["jointInvestmentFen"]!);
        Assert.Equal(90_000_000L, (long)signed["balances"]!["committedFen"]!);
        Assert.Equal(0L, (long)signed["balances"]!["paidFen"]!);
        Assert.Equal(90_000_000L, (long)signed["balances"]!["remainingFen"]!);
        var ledger = signed["ledger"]!.AsArray();
        Assert.Single(ledger);
        Assert.Equal("Commit", (string?)ledger[0]!["kind"]);
        Assert.Equal(Cast.TaskForce, (string?)ledger[0]!["actorName"]);
        Assert.Contains(signed["parties"]!.AsArray(), p => (string?)p!["role"] == "Issuer" && (string?)p["organisationId"] == Host.Cast.IssuerAOrg.ToString());
        Assert.Contains(signed["parties"]!.AsArray(), p => (string?)p!["role"] == "Lead" && (string?)p["organisationId"] == Host.Cast.ApplicantOrg.ToString());
        Assert.Equal(3, signed["milestones"]!.AsArray().Count);
        var id = (string)signed["id"]!;

        var policy = await tf.GetAsync(policyUrl).Expect(HttpStatusCode.OK);
        Assert.Equal(90_000_000L, (long)policy["committedFen"]!);
        Assert.Equal(910_000_000L, (long)policy["availableFen"]!);

        var application = await tf.GetAsync($"/api/v1/applications/{app.ApplicationId}").Expect(HttpStatusCode.OK);
        Assert.Equal("Contracted", (string?)application["status"]);
        var challenge = await tf.GetAsync($"/api/v1/challenges/{app.ChallengeId}").Expect(HttpStatusCode.OK);
        Assert.Equal("Awarded", (string?)challenge["status"]);
        var audit = await tf.GetAsync($"/api/v1/audit?entityId={id}&action=Sign").Expect(HttpStatusCode.OK);
        Assert.Equal(1, (int)audit["total"]!);

        // Parties read it; another issuer does not learn it exists.
        await (await Host.As(Cast.IssuerA)).GetAsync($"/api/v1/agreements/{id}").Expect(HttpStatusCode.OK);
        await (await Host.As(Cast.Applicant)).GetAsync($"/api/v1/agreements/{id}").Expect(HttpStatusCode.OK);
        await (await Host.As(Cast.Auditor)).GetAsync($"/api/v1/agreements/{id}").Expect(HttpStatusCode.OK);
        await (await Host.As(Cast.IssuerB)).GetAsync($"/api/v1/agreements/{id}").ExpectProblem(HttpStatusCode.NotFound, "not_found");

        using (var scope = Host.Services.CreateScope())
        {
            var prior = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new GetPriorAgreements(Host.Cast.IssuerAOrg, [Host.Cast.ApplicantOrg, Host.Cast.MemberOrg]));
            Assert.Equal([Host.Cast.ApplicantOrg], prior.OrganisationIds);
            var otherIssuer = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new GetPriorAgreements(Host.Cast.IssuerBOrg, [Host.Cast.ApplicantOrg]));
            Assert.Empty(otherIssuer.OrganisationIds);
        }

        // Signed once: a second signing for the same application is refused and changes nothing.
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(app.ApplicationId))
            .ExpectProblem(HttpStatusCode.Conflict, "funding.application_not_selected"));
        // The budget cannot fall below what is committed.
        await DatabaseSnapshot.Unchanged(Host, () => tf.PutJson(policyUrl, FundingScenario.Policy(89_999_999L), "\"1\"")
            .ExpectProblem(HttpStatusCode.Conflict, "funding.budget_below_committed"));
    }

    [Fact]
    public async Task The_cap_limits_the_commitment()
    {
        var (batchId, selected) = await Funding.SelectedAsync(1);
        var tf = await Host.As(Cast.TaskForce);
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(1_000_000_000L, capPerProjectFen: 50_000_000L))
            .Expect(HttpStatusCode.Created);
        var signed = await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(selected[0].ApplicationId, 200_000_000L, 300_000_000L))
            .Expect(HttpStatusCode.Created);
        Assert.Equal(50_000_000L, (long)signed["commitmentFen"]!);
    }

    [Fact]
    public async Task Refused_signings_store_nothing()
    {
        var (batchId, selected) = await Funding.SelectedAsync(2);
        var tf = await Host.As(Cast.TaskForce);
        var first = selected[0].ApplicationId;

        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(first))
            .ExpectProblem(HttpStatusCode.Conflict, "funding.no_policy"));
        // 30% of 3,000,000 = 900,000 fen; the budget holds 899,999.
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(899_999L)).Expect(HttpStatusCode.Created);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(first))
            .ExpectProblem(HttpStatusCode.Conflict, "funding.budget_exhausted"));

        var issuer = await Host.As(Cast.IssuerA);
        await DatabaseSnapshot.Unchanged(Host, async () =>
        {
            var response = await issuer.PostJson("/api/v1/agreements", FundingScenario.Agreement(first));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            return response;
        });
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(Guid.NewGuid()))
            .ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        var wrongTranches = new
        {
            applicationId = first, issuerInvestmentFen = 1_000_000L, applicantInvestmentFen = 0L, startsOn = "2027-01-01", endsOn = "2028-12-31",
            milestones = new object[]
            {
                new { name = "启动", dueOn = "2027-01-01", trancheIndex = 0, deliverables = Array.Empty<string>(), indicatorTargets = Array.Empty<object>() },
                new { name = "验收", dueOn = "2028-12-31", trancheIndex = 2, deliverables = Array.Empty<string>(), indicatorTargets = Array.Empty<object>() },
            },
        };
        var problem = await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson("/api/v1/agreements", wrongTranches)
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.NotNull(problem["errors"]!["milestones"]);
        var noIssuerMoney = new
        {
            applicationId = first, issuerInvestmentFen = 0L, applicantInvestmentFen = 1_000L, startsOn = "2027-01-01", endsOn = "2026-12-31",
            milestones = Array.Empty<object>(),
        };
        problem = await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson("/api/v1/agreements", noIssuerMoney)
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.NotNull(problem["errors"]!["issuerInvestmentFen"]);
        Assert.NotNull(problem["errors"]!["endsOn"]);

        // With the budget raised it signs; nothing of the refusals is left behind.
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(900_000L), "\"1\"").Expect(HttpStatusCode.OK);
        await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(first)).Expect(HttpStatusCode.Created);
        var policy = await tf.GetAsync($"/api/v1/batches/{batchId}/funding-policy").Expect(HttpStatusCode.OK);
        Assert.Equal(0L, (long)policy["availableFen"]!);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(selected[1].ApplicationId))
            .ExpectProblem(HttpStatusCode.Conflict, "funding.budget_exhausted"));
    }

    [Fact]
    public async Task Concurrent_signings_between_the_same_organisations_in_two_batches_pass_the_first_cooperation_check_once()
    {
        var lead = await Funding.EnterpriseAsync();
        var (batch1, first) = await Funding.SelectedAsync(1, leadOrganisation: lead);
        var (batch2, second) = await Funding.SelectedAsync(1, leadOrganisation: lead);
        var tf = await Host.As(Cast.TaskForce);
        await tf.PutJson($"/api/v1/batches/{batch1}/funding-policy", FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);
        await tf.PutJson($"/api/v1/batches/{batch2}/funding-policy", FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);
        var clients = await Task.WhenAll(Host.As(Cast.TaskForce), Host.As(Cast.TaskForce));
        using var start = new SemaphoreSlim(0);
        var calls = new[] { first[0], second[0] }.Select(async (app, i) =>
        {
            await start.WaitAsync();
            var response = await clients[i].PostJson("/api/v1/agreements", FundingScenario.Agreement(app.ApplicationId));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(2);
        var results = await Task.WhenAll(calls);

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Created);
        var refused = Assert.Single(results, r => r.StatusCode != HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("funding.not_first_cooperation", refused.Body, StringComparison.Ordinal);
        var committed = 0L;
        foreach (var batch in new[] { batch1, batch2 })
        {
            committed += (long)(await tf.GetAsync($"/api/v1/batches/{batch}/funding-policy").Expect(HttpStatusCode.OK))["committedFen"]!;
        }
        Assert.Equal(900_000L, committed);
        await using var connection = await Host.Db.OpenAsync();
        Assert.Equal(1L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "SELECT COUNT(*) FROM funding_cooperation WHERE organisation_id = @Lead", new { Lead = lead }));
    }

    [Fact]
    public async Task An_indicator_target_for_an_indicator_the_challenge_does_not_have_is_refused_and_stores_nothing()
    {
        var (batchId, selected) = await Funding.SelectedAsync(1);
        var tf = await Host.As(Cast.TaskForce);
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);
        var body = FundingScenario.Agreement(selected[0].ApplicationId, targets: [(Guid.NewGuid(), "0.1")]);
        var problem = await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson("/api/v1/agreements", body)
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.NotNull(problem["errors"]!["milestones[2].indicatorTargets[0].indicatorId"]);
    }
}

public sealed class SignAgreementTestsOnSqlite(SqliteHost host) : SignAgreementTests(host), IClassFixture<SqliteHost>;
public sealed class SignAgreementTestsOnPostgres(PostgresHost host) : SignAgreementTests(host), IClassFixture<PostgresHost>;
public sealed class SignAgreementTestsOnSqlServer(SqlServerHost host) : SignAgreementTests(host), IClassFixture<SqlServerHost>;
