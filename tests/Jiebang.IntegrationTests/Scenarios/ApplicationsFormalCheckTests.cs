using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.IntegrationTests.Applications;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Organisations;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Scenarios;

/// <summary>From drafting through submission to the formal check after the deadline, and the task force's override.</summary>
public abstract class ApplicationsFormalCheckTests(JiebangHost host) : HostTests(host)
{
    private ApplicationScenario Apps => new(Host);

    [Fact]
    public async Task A_unit_with_a_bad_credit_record_cannot_hide_behind_a_good_lead_neither_when_drafting_nor_at_submission_or_the_formal_check()
    {
        var (challenge, batch) = await Scenario.PublishedAsync();
        var unique = Random.Shared.Next(10000, 99999).ToString();
        var (bad, badUser) = await Apps.UnitWithUserAsync($"91110108{unique}BBCD", "失信揭榜企业", OrganisationTypes.Enterprise, standing: "BadRecord");
        var client = await Host.As(badUser);
        var hiding = ApplicationBodies.Complete(challenge, [new { organisationId = Host.Cast.ApplicantOrg, role = "Lead", budgetShareBp = 10_000 }]);
        await DatabaseSnapshot.Unchanged(Host, () => client.PostJson("/api/v1/applications", hiding)
            .ExpectProblem(HttpStatusCode.BadRequest, "application.lead_must_be_applicant"));

        // A draft stored before the rule (the good unit listed as the only member) is still judged with the unit that controls it.
        var draft = await client.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
        var id = (string)draft["id"]!;
        await using (var connection = await Host.Db.OpenAsync())
        {
            var content = JsonNode.Parse(await connection.ExecuteScalarAsync<string>("SELECT content FROM applications_application WHERE id = @Id",
                new { Id = Guid.Parse(id) }) ?? "{}")!;
            content["members"] = new JsonArray(new JsonObject { ["organisationId"] = Host.Cast.ApplicantOrg.ToString(), ["role"] = "Lead",
                ["budgetShareBp"] = 10_000 });
            await connection.ExecuteAsync("UPDATE applications_application SET content = @C WHERE id = @Id", new { C = content.ToJsonString(),
                Id = Guid.Parse(id) });
            await connection.ExecuteAsync("UPDATE applications_member SET organisation_id = @Good, organisation_name = '测试揭榜高校' WHERE application_id = @Id",
                new { Good = Host.Cast.ApplicantOrg, Id = Guid.Parse(id) });
        }
        var problem = await DatabaseSnapshot.Unchanged(Host, () => client.PostJson($"/api/v1/applications/{id}/submit")
            .ExpectProblem(HttpStatusCode.Conflict, "application.ineligible"));
        Assert.Contains(problem["violations"]!.AsArray(),
            v => (string?)v!["code"] == "eligibility.good_standing" && (string?)v["organisationId"] == bad.ToString());

        // Submitted before the registry changed, then judged after the deadline: the formal check sees the controller too.
        var honest = await client.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
        await using (var connection = await Host.Db.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE platform_organisation SET credit_standing = 'Good' WHERE id = @Id", new { Id = bad });
        }
        await client.PostJson($"/api/v1/applications/{id}/submit").ExpectProblem(HttpStatusCode.Conflict, "application.ineligible");
        await client.PostJson($"/api/v1/applications/{honest["id"]}/submit").Expect(HttpStatusCode.OK);
        await using (var connection = await Host.Db.OpenAsync())
        {
            var content = JsonNode.Parse(await connection.ExecuteScalarAsync<string>("SELECT content FROM applications_application WHERE id = @Id",
                new { Id = Guid.Parse((string)honest["id"]!) }) ?? "{}")!;
            content["members"] = new JsonArray(new JsonObject { ["organisationId"] = Host.Cast.ApplicantOrg.ToString(), ["role"] = "Lead",
                ["budgetShareBp"] = 10_000 });
            await connection.ExecuteAsync("UPDATE applications_application SET content = @C WHERE id = @Id", new { C = content.ToJsonString(),
                Id = Guid.Parse((string)honest["id"]!) });
            await connection.ExecuteAsync("UPDATE platform_organisation SET credit_standing = 'BadRecord' WHERE id = @Id", new { Id = bad });
        }
        var tf = await Host.As(Cast.TaskForce);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)batch["closesAt"]!).AddMinutes(1));
            await tf.PostJson($"/api/v1/batches/{batch["id"]}/eligibility-check").Expect(HttpStatusCode.OK);
            var judged = await tf.GetAsync($"/api/v1/applications/{honest["id"]}").Expect(HttpStatusCode.OK);
            Assert.Equal("Ineligible", (string?)judged["eligibility"]);
            Assert.Contains(judged["eligibilityResults"]!.AsArray(),
                r => (string?)r!["code"] == "eligibility.good_standing" && !(bool)r["passed"]! && ((string?)r["messageZh"])!.Contains("失信揭榜企业"));
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }

    [Fact]
    public async Task After_the_deadline_the_formal_check_decides_each_application_and_an_override_needs_a_reason()
    {
        var (challenge, batch) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var tf = await Host.As(Cast.TaskForce);
        var batchId = (string)batch["id"]!;
        var good = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
        await applicant.PostJson($"/api/v1/applications/{good["id"]}/submit").Expect(HttpStatusCode.OK);
        var later = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
        await applicant.PostJson($"/api/v1/applications/{later["id"]}/submit").Expect(HttpStatusCode.OK);

        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/batches/{batchId}/eligibility-check")
            .ExpectProblem(HttpStatusCode.Conflict, "eligibility.window_not_closed"));

        // Between submission and the check the second lead's credit standing turns bad.
        await using (var connection = await Host.Db.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE platform_organisation SET org_type = 'Enterprise', credit_standing = 'BadRecord' WHERE id = @Id",
                new { Id = Host.Cast.ApplicantOrg });
        }
        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)batch["closesAt"]!).AddMinutes(1));
            var result = await tf.PostJson($"/api/v1/batches/{batchId}/eligibility-check").Expect(HttpStatusCode.OK);
            Assert.Equal(2, (int)result["checked"]!);
            Assert.Equal(2, (int)result["ineligible"]!);
            var detail = await tf.GetAsync($"/api/v1/applications/{good["id"]}").Expect(HttpStatusCode.OK);
            Assert.Equal("Ineligible", (string?)detail["eligibility"]);
            Assert.Contains(detail["eligibilityResults"]!.AsArray(), r => (string?)r!["code"] == "eligibility.good_standing" && !(bool)r["passed"]!);
            Assert.Contains(detail["eligibilityResults"]!.AsArray(), r => (string?)r!["code"] == "eligibility.consortium_well_formed" && (bool)r["passed"]!);

            var again = await tf.PostJson($"/api/v1/batches/{batchId}/eligibility-check").Expect(HttpStatusCode.OK);
            Assert.Equal(0, (int)again["checked"]!);
            Assert.Equal(2, (int)again["alreadyDecided"]!);

            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/applications/{good["id"]}/eligibility-override",
                new { outcome = "Eligible", reason = "" })
                .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
            var overridden = await tf.PostJson($"/api/v1/applications/{good["id"]}/eligibility-override",
                new { outcome = "Eligible", reason = "信用记录已修复，附证明材料" }).Expect(HttpStatusCode.OK);
            Assert.Equal("Eligible", (string?)overridden["status"]);
            Assert.Equal("信用记录已修复，附证明材料", (string?)overridden["eligibilityOverrideReason"]);
            var audit = await tf.GetAsync($"/api/v1/audit?entityId={good["id"]}&action=OverrideEligibility").Expect(HttpStatusCode.OK);
            Assert.Equal(1, (int)audit["total"]!);
            var eligible = await tf.GetAsync($"/api/v1/applications?batch={batchId}&eligibility=Eligible").Expect(HttpStatusCode.OK);
            Assert.Equal(1, (int)eligible["total"]!);

            // The Applications handlers of Review's and Funding's commands, sent directly on purpose: what is tested is the
            // handlers themselves — a repeat changes nothing (the outbox may deliver again after a crash), and a contract
            // for an application that is not selected (the later, ineligible one) moves nothing. Selection through Review's
            // endpoints is what FundingScenario.SelectedAsync and the whole-flow tests do.
            using var scope = Host.Services.CreateScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var parties = await mediator.Send(new GetApplicationParties(Guid.Parse((string)good["id"]!)));
            Assert.Equal(Host.Cast.ApplicantOrg, parties!.LeadOrganisationId);
            await mediator.Send(new MarkApplicationSelected(Guid.Parse((string)good["id"]!), Guid.NewGuid()));
            var snapshot = await DatabaseSnapshot.TakeAsync(Host);
            await mediator.Send(new MarkApplicationSelected(Guid.Parse((string)good["id"]!), Guid.NewGuid()));
            Assert.Equal(snapshot, await DatabaseSnapshot.TakeAsync(Host));
            await mediator.Send(new MarkApplicationContracted(Guid.Parse((string)good["id"]!), Guid.NewGuid()));
            var summary = await mediator.Send(new GetApplicationSummary(Guid.Parse((string)good["id"]!)));
            Assert.Equal(ApplicationStatus.Contracted, summary!.Status);
            await mediator.Send(new MarkApplicationContracted(Guid.Parse((string)later["id"]!), Guid.NewGuid()));
            Assert.Equal(ApplicationStatus.Ineligible, (await mediator.Send(new GetApplicationSummary(Guid.Parse((string)later["id"]!))))!.Status);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
            await using var connection = await Host.Db.OpenAsync();
            await connection.ExecuteAsync("UPDATE platform_organisation SET org_type = 'University', credit_standing = 'Good' WHERE id = @Id",
                new { Id = Host.Cast.ApplicantOrg });
        }
    }
}

public sealed class ApplicationsFormalCheckTestsOnSqlite(SqliteHost host) : ApplicationsFormalCheckTests(host), IClassFixture<SqliteHost>;
public sealed class ApplicationsFormalCheckTestsOnPostgres(PostgresHost host) : ApplicationsFormalCheckTests(host), IClassFixture<PostgresHost>;
public sealed class ApplicationsFormalCheckTestsOnSqlServer(SqlServerHost host) : ApplicationsFormalCheckTests(host), IClassFixture<SqlServerHost>;
