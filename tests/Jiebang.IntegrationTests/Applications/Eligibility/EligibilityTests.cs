using System.Net;
using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Organisations;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Applications.Eligibility;

public abstract class EligibilityTests(JiebangHost host) : HostTests(host)
{
    private async Task<Guid> OrganisationAsync(string first17, string name, string type, string? commercialisationBase = null,
        bool legalPerson = true, string standing = "Good", string? region = null)
    {
        var orgs = Host.Services.GetRequiredService<OrganisationStore>();
        var (connection, tx) = await Host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            var org = await orgs.EnsureAsync(connection, tx, Cast.Code(first17), name, type, false, commercialisationBase: commercialisationBase);
            await connection.ExecuteAsync("UPDATE platform_organisation SET independent_legal_person = @L, credit_standing = @S, region_code = @R WHERE id = @Id",
                new { L = legalPerson, S = standing, R = region ?? org.RegionCode, org.Id }, tx);
            await tx.CommitAsync();
            return org.Id;
        }
    }

    [Fact]
    public async Task Submission_is_refused_listing_every_failed_rule_at_once_and_stores_nothing()
    {
        var (challenge, _) = await Scenario.PublishedAsync(issuer: Cast.IssuerA);
        var unique = Random.Shared.Next(10000, 99999).ToString();
        var hongKong = await OrganisationAsync($"91810000{unique}ABCD", "香港测试公司", OrganisationTypes.Enterprise, region: "810000");
        var institute = await OrganisationAsync($"12110108{unique}ACDE", "无转化基础研究所", OrganisationTypes.Institute);
        var badCredit = await OrganisationAsync($"91110108{unique}ADEF", "失信企业", OrganisationTypes.Enterprise, standing: "BadRecord");
        var branch = await OrganisationAsync($"91110108{unique}AEFG", "某分公司", OrganisationTypes.Enterprise, legalPerson: false);
        var applicant = await Host.As(Cast.Applicant);
        var body = ApplicationBodies.Complete(challenge, declarations: false, members:
        [
            new { organisationId = Host.Cast.ApplicantOrg, role = "Lead", budgetShareBp = 4000 },
            new { organisationId = hongKong, role = "Member", budgetShareBp = 1000 },
            new { organisationId = institute, role = "Member", budgetShareBp = 1000 },
            new { organisationId = badCredit, role = "Member", budgetShareBp = 1000 },
            new { organisationId = branch, role = "Member", budgetShareBp = 1000 },
            new { organisationId = Host.Cast.IssuerAOrg, role = "Member", budgetShareBp = 1000 },
        ]);
        var draft = await applicant.PostJson("/api/v1/applications", body).Expect(HttpStatusCode.Created);
        var problem = await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/applications/{draft["id"]}/submit")
            .ExpectProblem(HttpStatusCode.Conflict, "application.ineligible"));
        var codes = problem["violations"]!.AsArray().Select(v => (string)v!["code"]!).ToHashSet();
        Assert.Equal(new HashSet<string>
        {
            "eligibility.mainland_registered", "eligibility.commercialisation_base", "eligibility.good_standing",
            "eligibility.independent_legal_person", "eligibility.first_cooperation", "eligibility.consortium_well_formed",
            "eligibility.declarations",
        }, codes);
        Assert.All(problem["violations"]!.AsArray(), v => Assert.False(string.IsNullOrEmpty((string?)v!["messageZh"])));
        Assert.Contains(problem["violations"]!.AsArray(), v => (string?)v!["organisationId"] == hongKong.ToString());

        var fixedBody = ApplicationBodies.Changes(challenge, members:
        [
            new { organisationId = Host.Cast.ApplicantOrg, role = "Lead", budgetShareBp = 7000 },
            new { organisationId = Host.Cast.MemberOrg, role = "Member", budgetShareBp = 3000 },
        ]);
        await applicant.PutJson($"/api/v1/applications/{draft["id"]}", fixedBody, "\"1\"").Expect(HttpStatusCode.OK);
        await Consortia.ConfirmAllAsync(Host, (string)draft["id"]!);
        await applicant.PostJson($"/api/v1/applications/{draft["id"]}/submit").Expect(HttpStatusCode.OK);
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

            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/applications/{good["id"]}/eligibility-override", new { outcome = "Eligible", reason = "" })
                .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
            var overridden = await tf.PostJson($"/api/v1/applications/{good["id"]}/eligibility-override",
                new { outcome = "Eligible", reason = "信用记录已修复，附证明材料" }).Expect(HttpStatusCode.OK);
            Assert.Equal("Eligible", (string?)overridden["status"]);
            Assert.Equal("信用记录已修复，附证明材料", (string?)overridden["eligibilityOverrideReason"]);
            var audit = await tf.GetAsync($"/api/v1/audit?entityId={good["id"]}&action=OverrideEligibility").Expect(HttpStatusCode.OK);
            Assert.Equal(1, (int)audit["total"]!);
            var eligible = await tf.GetAsync($"/api/v1/applications?batch={batchId}&eligibility=Eligible").Expect(HttpStatusCode.OK);
            Assert.Equal(1, (int)eligible["total"]!);

            using var scope = Host.Services.CreateScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var parties = await mediator.Send(new GetApplicationParties(Guid.Parse((string)good["id"]!)));
            Assert.Equal(Host.Cast.ApplicantOrg, parties!.LeadOrganisationId);
            await mediator.Publish(new MarkApplicationSelected(Guid.Parse((string)good["id"]!), Guid.NewGuid()));
            var snapshot = await DatabaseSnapshot.TakeAsync(Host);
            await mediator.Publish(new MarkApplicationSelected(Guid.Parse((string)good["id"]!), Guid.NewGuid()));
            Assert.Equal(snapshot, await DatabaseSnapshot.TakeAsync(Host));
            await mediator.Publish(new MarkApplicationContracted(Guid.Parse((string)good["id"]!), Guid.NewGuid()));
            var summary = await mediator.Send(new GetApplicationSummary(Guid.Parse((string)good["id"]!)));
            Assert.Equal(ApplicationStatus.Contracted, summary!.Status);
            await mediator.Publish(new MarkApplicationContracted(Guid.Parse((string)later["id"]!), Guid.NewGuid()));
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

public sealed class EligibilityTestsOnSqlite(SqliteHost host) : EligibilityTests(host), IClassFixture<SqliteHost>;
public sealed class EligibilityTestsOnPostgres(PostgresHost host) : EligibilityTests(host), IClassFixture<PostgresHost>;
public sealed class EligibilityTestsOnSqlServer(SqlServerHost host) : EligibilityTests(host), IClassFixture<SqlServerHost>;
