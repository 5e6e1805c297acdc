using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Applications.Consortium;

/// <summary>
/// Who an application speaks for: the organisation that controls it is its lead, and every other member confirms its
/// participation (联合申报协议) before the application can be submitted.
/// </summary>
public abstract class ConsortiumTests(JiebangHost host) : HostTests(host)
{
    /// <summary>An organisation of the registry with an applicant user of its own.</summary>
    private async Task<(Guid Organisation, string User)> UnitWithUserAsync(string first17, string name, string type, string standing = "Good",
        string? commercialisationBase = null)
    {
        var orgs = Host.Services.GetRequiredService<OrganisationStore>();
        var users = Host.Services.GetRequiredService<UserStore>();
        var user = Scenario.Unique("unit");
        var (connection, tx) = await Host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            var org = await orgs.EnsureAsync(connection, tx, Cast.Code(first17), name, type, false, commercialisationBase: commercialisationBase);
            await connection.ExecuteAsync("UPDATE platform_organisation SET credit_standing = @S WHERE id = @Id", new { S = standing, org.Id }, tx);
            await users.CreateAsync(connection, tx, user, name + "用户", JiebangHost.Password, Roles.Applicant, org.Id, null, false);
            await tx.CommitAsync();
            return (org.Id, user);
        }
    }

    /// <summary>A user of <see cref="Cast.MemberOrg"/> (测试联合企业, 朝阳区), made once per host.</summary>
    private async Task<HttpClient> MemberUserAsync()
    {
        var users = Host.Services.GetRequiredService<UserStore>();
        const string name = "member-user";
        var (connection, tx) = await Host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM platform_user WHERE user_name = @N", new { N = name }, tx) == 0)
            {
                await users.CreateAsync(connection, tx, name, "联合企业用户", JiebangHost.Password, Roles.Applicant, Host.Cast.MemberOrg, null, false);
                await tx.CommitAsync();
            }
        }
        return await Host.As(name);
    }

    private object[] Consortium(int leadShare = 7000) =>
    [
        new { organisationId = Host.Cast.ApplicantOrg, role = "Lead", budgetShareBp = leadShare },
        new { organisationId = Host.Cast.MemberOrg, role = "Member", budgetShareBp = 10_000 - leadShare },
    ];

    private async Task<(JsonNode Challenge, JsonNode Batch, string Id)> ConsortiumDraftAsync()
    {
        var (challenge, batch) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var draft = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge, Consortium())).Expect(HttpStatusCode.Created);
        return (challenge, batch, (string)draft["id"]!);
    }

    private async Task<List<string>> AuditActionsAsync(string id) =>
        (await (await Host.As(Cast.TaskForce)).GetAsync($"/api/v1/audit?entityType=Application&entityId={id}").Expect(HttpStatusCode.OK))["items"]!
            .AsArray().Select(a => (string)a!["action"]!).Reverse().ToList();

    [Fact]
    public async Task An_applicant_cannot_draft_an_application_whose_only_member_is_another_organisation_and_nothing_is_stored()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var attack = ApplicationBodies.Complete(challenge, [new { organisationId = Host.Cast.MemberOrg, role = "Lead", budgetShareBp = 10_000 }]);
        var problem = await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson("/api/v1/applications", attack)
            .ExpectProblem(HttpStatusCode.BadRequest, "application.lead_must_be_applicant"));
        Assert.NotNull(problem["errors"]!["members"]);

        // Listing itself, but as a mere member behind another lead, is the same swap.
        var behind = ApplicationBodies.Complete(challenge,
        [
            new { organisationId = Host.Cast.MemberOrg, role = "Lead", budgetShareBp = 9000 },
            new { organisationId = Host.Cast.ApplicantOrg, role = "Member", budgetShareBp = 1000 },
        ]);
        await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson("/api/v1/applications", behind)
            .ExpectProblem(HttpStatusCode.BadRequest, "application.lead_must_be_applicant"));

        // A district key: the leadOrganisationId it names must be the Lead member too.
        var district = Host.WithApiKey(Host.Cast.DistrictKey);
        await DatabaseSnapshot.Unchanged(Host, () => district.PostJson("/api/v1/applications",
                ApplicationBodies.Complete(challenge, [new { organisationId = Host.Cast.MemberOrg, role = "Lead", budgetShareBp = 10_000 }], lead: Host.Cast.ApplicantOrg))
            .ExpectProblem(HttpStatusCode.BadRequest, "application.lead_must_be_applicant"));
        var tf = await Host.As(Cast.TaskForce);
        Assert.Equal(0, (int)(await tf.GetAsync($"/api/v1/applications?challenge={challenge["id"]}").Expect(HttpStatusCode.OK))["total"]!);
    }

    [Fact]
    public async Task The_lead_cannot_swap_itself_out_of_the_consortium_by_an_update()
    {
        var (challenge, _, id) = await ConsortiumDraftAsync();
        var applicant = await Host.As(Cast.Applicant);
        var swap = ApplicationBodies.Changes(challenge, [new { organisationId = Host.Cast.MemberOrg, role = "Lead", budgetShareBp = 10_000 }]);
        var problem = await DatabaseSnapshot.Unchanged(Host, () => applicant.PutJson($"/api/v1/applications/{id}", swap, "\"1\"")
            .ExpectProblem(HttpStatusCode.BadRequest, "application.lead_must_be_applicant"));
        Assert.NotNull(problem["errors"]!["members"]);
        var stored = await applicant.GetAsync($"/api/v1/applications/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal(Host.Cast.ApplicantOrg.ToString(), (string?)stored["members"]![0]!["organisationId"]);
        Assert.Equal("Lead", (string?)stored["members"]![0]!["role"]);
    }

    [Fact]
    public async Task A_unit_with_a_bad_credit_record_cannot_hide_behind_a_good_lead_neither_when_drafting_nor_at_submission_or_the_formal_check()
    {
        var (challenge, batch) = await Scenario.PublishedAsync();
        var unique = Random.Shared.Next(10000, 99999).ToString();
        var (bad, badUser) = await UnitWithUserAsync($"91110108{unique}BBCD", "失信揭榜企业", OrganisationTypes.Enterprise, standing: "BadRecord");
        var client = await Host.As(badUser);
        var hiding = ApplicationBodies.Complete(challenge, [new { organisationId = Host.Cast.ApplicantOrg, role = "Lead", budgetShareBp = 10_000 }]);
        await DatabaseSnapshot.Unchanged(Host, () => client.PostJson("/api/v1/applications", hiding)
            .ExpectProblem(HttpStatusCode.BadRequest, "application.lead_must_be_applicant"));

        // A draft stored before the rule (the good unit listed as the only member) is still judged with the unit that controls it.
        var draft = await client.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
        var id = (string)draft["id"]!;
        await using (var connection = await Host.Db.OpenAsync())
        {
            var content = JsonNode.Parse(await connection.ExecuteScalarAsync<string>("SELECT content FROM applications_application WHERE id = @Id", new { Id = Guid.Parse(id) }) ?? "{}")!;
            content["members"] = new JsonArray(new JsonObject { ["organisationId"] = Host.Cast.ApplicantOrg.ToString(), ["role"] = "Lead", ["budgetShareBp"] = 10_000 });
            await connection.ExecuteAsync("UPDATE applications_application SET content = @C WHERE id = @Id", new { C = content.ToJsonString(), Id = Guid.Parse(id) });
            await connection.ExecuteAsync("UPDATE applications_member SET organisation_id = @Good, organisation_name = '测试揭榜高校' WHERE application_id = @Id",
                new { Good = Host.Cast.ApplicantOrg, Id = Guid.Parse(id) });
        }
        var problem = await DatabaseSnapshot.Unchanged(Host, () => client.PostJson($"/api/v1/applications/{id}/submit")
            .ExpectProblem(HttpStatusCode.Conflict, "application.ineligible"));
        Assert.Contains(problem["violations"]!.AsArray(), v => (string?)v!["code"] == "eligibility.good_standing" && (string?)v["organisationId"] == bad.ToString());

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
            var content = JsonNode.Parse(await connection.ExecuteScalarAsync<string>("SELECT content FROM applications_application WHERE id = @Id", new { Id = Guid.Parse((string)honest["id"]!) }) ?? "{}")!;
            content["members"] = new JsonArray(new JsonObject { ["organisationId"] = Host.Cast.ApplicantOrg.ToString(), ["role"] = "Lead", ["budgetShareBp"] = 10_000 });
            await connection.ExecuteAsync("UPDATE applications_application SET content = @C WHERE id = @Id", new { C = content.ToJsonString(), Id = Guid.Parse((string)honest["id"]!) });
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
    public async Task Submission_waits_until_every_member_confirms_and_confirming_twice_changes_nothing()
    {
        var (_, _, id) = await ConsortiumDraftAsync();
        var applicant = await Host.As(Cast.Applicant);
        var problem = await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/applications/{id}/submit")
            .ExpectProblem(HttpStatusCode.Conflict, "application.members_unconfirmed"));
        Assert.Contains("测试联合企业", (string?)problem["detail"]);
        Assert.DoesNotContain(Host.Cast.MemberOrg.ToString(), (string?)problem["detail"]);
        Assert.Equal(Host.Cast.MemberOrg.ToString(), (string?)Assert.Single(problem["violations"]!.AsArray())!["organisationId"]);

        // The lead confirms nothing: it agrees by submitting.
        await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/applications/{id}/confirmation")
            .ExpectProblem(HttpStatusCode.Conflict, "application.not_a_member"));

        var member = await MemberUserAsync();
        var confirmed = await member.PostJson($"/api/v1/applications/{id}/confirmation").Expect(HttpStatusCode.OK);
        var row = confirmed["members"]!.AsArray().Single(m => (string?)m!["organisationId"] == Host.Cast.MemberOrg.ToString())!;
        Assert.NotNull(row["confirmedAt"]);
        Assert.Equal("member-user", (string?)row["confirmedBy"]);
        Assert.False((bool)confirmed["members"]![0]!["confirmationRequired"]!);
        var again = await DatabaseSnapshot.Unchanged(Host, () => member.PostJson($"/api/v1/applications/{id}/confirmation").Expect(HttpStatusCode.OK));
        Assert.Equal((int)confirmed["version"]!, (int)again["version"]!);

        var submitted = await applicant.PostJson($"/api/v1/applications/{id}/submit").Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", (string?)submitted["status"]);
        Assert.Equal(["Create", "ConfirmParticipation", "Submit"], await AuditActionsAsync(id));
    }

    [Fact]
    public async Task A_member_withdrawing_takes_a_submitted_application_back_to_draft_audited_and_in_the_feed()
    {
        var (challenge, _, id) = await ConsortiumDraftAsync();
        var applicant = await Host.As(Cast.Applicant);
        var member = await MemberUserAsync();
        await member.PostJson($"/api/v1/applications/{id}/confirmation").Expect(HttpStatusCode.OK);
        await applicant.PostJson($"/api/v1/applications/{id}/submit").Expect(HttpStatusCode.OK);

        var withdrawn = await member.PostJson($"/api/v1/applications/{id}/confirmation/withdraw", new { reason = "合作条件变化" }).Expect(HttpStatusCode.OK);
        Assert.Equal("Draft", (string?)withdrawn["status"]);
        Assert.Null(withdrawn["members"]![1]!["confirmedAt"]);
        await DatabaseSnapshot.Unchanged(Host, () => member.PostJson($"/api/v1/applications/{id}/confirmation/withdraw").Expect(HttpStatusCode.OK));
        await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/applications/{id}/submit")
            .ExpectProblem(HttpStatusCode.Conflict, "application.members_unconfirmed"));
        Assert.Equal(["Create", "ConfirmParticipation", "Submit", "WithdrawConfirmation"], await AuditActionsAsync(id));

        var tf = await Host.As(Cast.TaskForce);
        var feed = await tf.GetAsync("/api/v1/feed?limit=500").Expect(HttpStatusCode.OK);
        var events = feed["items"]!.AsArray().Where(i => (string?)i!["resourceId"] == id).Select(i => $"{i!["data"]!["from"]}->{i["data"]!["status"]}").ToList();
        Assert.Equal(["Draft->Submitted", "Submitted->Draft"], events);
        // The member's own district portal (朝阳) follows it too.
        var chaoyang = await Host.WithApiKey(Host.Cast.OtherDistrictKey).GetAsync("/api/v1/feed?limit=500").Expect(HttpStatusCode.OK);
        Assert.Contains(chaoyang["items"]!.AsArray(), i => (string?)i!["resourceId"] == id && (string?)i["data"]!["status"] == "Draft");

        // A changed share lapses a confirmation; an edit that leaves the member's terms alone does not.
        await member.PostJson($"/api/v1/applications/{id}/confirmation").Expect(HttpStatusCode.OK);
        var current = await applicant.GetAsync($"/api/v1/applications/{id}").Expect(HttpStatusCode.OK);
        var prose = ApplicationBodies.Changes(challenge, Consortium());
        prose["technicalApproach"] = "修订后的技术方案";
        var kept = await applicant.PutJson($"/api/v1/applications/{id}", prose, $"\"{current["version"]}\"").Expect(HttpStatusCode.OK);
        Assert.NotNull(kept["members"]![1]!["confirmedAt"]);
        var lapsed = await applicant.PutJson($"/api/v1/applications/{id}", ApplicationBodies.Changes(challenge, Consortium(6000)), $"\"{kept["version"]}\"")
            .Expect(HttpStatusCode.OK);
        Assert.Null(lapsed["members"]![1]!["confirmedAt"]);
        await applicant.PostJson($"/api/v1/applications/{id}/submit").ExpectProblem(HttpStatusCode.Conflict, "application.members_unconfirmed");
    }

    [Fact]
    public async Task After_the_deadline_a_member_can_neither_confirm_nor_withdraw_and_nothing_changes()
    {
        var (_, batch, id) = await ConsortiumDraftAsync();
        var member = await MemberUserAsync();
        await member.PostJson($"/api/v1/applications/{id}/confirmation").Expect(HttpStatusCode.OK);
        var (_, _, unconfirmed) = await ConsortiumDraftAsync();
        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)batch["closesAt"]!));
            await DatabaseSnapshot.Unchanged(Host, () => member.PostJson($"/api/v1/applications/{id}/confirmation/withdraw")
                .ExpectProblem(HttpStatusCode.Conflict, "application.window_closed"));
            await DatabaseSnapshot.Unchanged(Host, () => member.PostJson($"/api/v1/applications/{unconfirmed}/confirmation")
                .ExpectProblem(HttpStatusCode.Conflict, "application.window_closed"));
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }

    [Fact]
    public async Task A_members_user_and_its_district_read_the_application_but_only_the_lead_side_edits_it()
    {
        var (challenge, _, id) = await ConsortiumDraftAsync();
        var member = await MemberUserAsync();
        await member.GetAsync($"/api/v1/applications/{id}").Expect(HttpStatusCode.OK);
        var listed = await member.GetAsync($"/api/v1/applications?challenge={challenge["id"]}").Expect(HttpStatusCode.OK);
        Assert.Equal(id, (string?)Assert.Single(listed["items"]!.AsArray())!["id"]);
        await DatabaseSnapshot.Unchanged(Host, () => member.PostJson($"/api/v1/applications/{id}/submit").ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));

        // 朝阳区 covers the member (110105), not the lead (海淀区 110108): it reads and confirms for its unit, and edits nothing.
        var chaoyang = Host.WithApiKey(Host.Cast.OtherDistrictKey);
        await chaoyang.GetAsync($"/api/v1/applications/{id}").Expect(HttpStatusCode.OK);
        var districtList = await chaoyang.GetAsync($"/api/v1/applications?challenge={challenge["id"]}").Expect(HttpStatusCode.OK);
        Assert.Equal(id, (string?)Assert.Single(districtList["items"]!.AsArray())!["id"]);
        await DatabaseSnapshot.Unchanged(Host, () => chaoyang.PutJson($"/api/v1/applications/{id}", ApplicationBodies.Changes(challenge, Consortium()), "\"1\"")
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        await DatabaseSnapshot.Unchanged(Host, () => chaoyang.PostJson($"/api/v1/applications/{id}/submit").ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        await DatabaseSnapshot.Unchanged(Host, () => chaoyang.PostJson($"/api/v1/applications/{id}/withdraw").ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        await DatabaseSnapshot.Unchanged(Host, () => chaoyang.PostJson($"/api/v1/applications/{id}/confirmation")
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var byDistrict = await chaoyang.PostJson($"/api/v1/applications/{id}/confirmation", new { organisationId = Host.Cast.MemberOrg }).Expect(HttpStatusCode.OK);
        Assert.Equal("110105", (string?)byDistrict["members"]![1]!["confirmedByDistrict"]);

        // The lead's district may not confirm for a unit outside it; nobody else may touch the application at all.
        await DatabaseSnapshot.Unchanged(Host, () => Host.WithApiKey(Host.Cast.DistrictKey).PostJson($"/api/v1/applications/{id}/confirmation/withdraw",
            new { organisationId = Host.Cast.MemberOrg }).ExpectProblem(HttpStatusCode.Forbidden, "district.out_of_scope"));
        var unique = Random.Shared.Next(10000, 99999).ToString();
        var (_, outsiderUser) = await UnitWithUserAsync($"91110108{unique}CCDE", "无关企业", OrganisationTypes.Enterprise);
        var outsider = await Host.As(outsiderUser);
        await outsider.GetAsync($"/api/v1/applications/{id}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await DatabaseSnapshot.Unchanged(Host, () => outsider.PostJson($"/api/v1/applications/{id}/confirmation/withdraw").ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        await DatabaseSnapshot.Unchanged(Host, () => member.PostJson($"/api/v1/applications/{id}/confirmation", new { organisationId = Host.Cast.ApplicantOrg })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
    }

    [Fact]
    public async Task Before_the_window_opens_drafting_and_submitting_are_refused_as_not_yet_open_saying_when_it_opens()
    {
        var today = DateOnly.FromDateTime(Host.Clock.GetUtcNow().AddHours(8).DateTime);
        var (challenge, batch) = await Scenario.PublishedAsync(await Scenario.BatchAsync(today.AddDays(3), today.AddDays(30)));
        var applicant = await Host.As(Cast.Applicant);
        var problem = await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge))
            .ExpectProblem(HttpStatusCode.Conflict, "application.window_not_open"));
        Assert.Contains(today.AddDays(3).ToString("yyyy-MM-dd"), (string?)problem["detail"]);

        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)batch["opensAt"]!).AddMinutes(1));
            var draft = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
            Host.Clock.SetUtcNow(saved);
            await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/applications/{draft["id"]}/submit")
                .ExpectProblem(HttpStatusCode.Conflict, "application.window_not_open"));
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class ConsortiumTestsOnSqlite(SqliteHost host) : ConsortiumTests(host), IClassFixture<SqliteHost>;
public sealed class ConsortiumTestsOnPostgres(PostgresHost host) : ConsortiumTests(host), IClassFixture<PostgresHost>;
public sealed class ConsortiumTestsOnSqlServer(SqlServerHost host) : ConsortiumTests(host), IClassFixture<SqlServerHost>;
