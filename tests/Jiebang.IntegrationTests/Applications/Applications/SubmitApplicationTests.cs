using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Organisations;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Applications.Applications;

public abstract partial class ApplicationTests
{
    [Fact]
    public async Task The_submissions_answer_is_the_application_as_stored_even_at_an_instant_finer_than_the_database_keeps()
    {
        var (_, _, draft) = await DraftAsync();
        var applicant = await Host.As(Cast.Applicant);
        var id = (string)draft["id"]!;
        var started = Host.Clock.GetUtcNow();
        try
        {
            // 100 ns past a whole microsecond: PostgreSQL keeps microseconds, so the answer must not carry the extra tick.
            Host.Clock.SetUtcNow(started.AddTicks(TimeSpan.TicksPerMicrosecond - started.Ticks % TimeSpan.TicksPerMicrosecond + 1));
            var response = await applicant.PostAsync($"/api/v1/applications/{id}/submit", null);
            var submitted = await Task.FromResult(response).Expect(HttpStatusCode.OK);
            var read = await applicant.GetAsync($"/api/v1/applications/{id}");
            var stored = await Task.FromResult(read).Expect(HttpStatusCode.OK);
            Assert.Equal(stored.ToJsonString(), submitted.ToJsonString());
            Assert.Equal(read.Headers.ETag, response.Headers.ETag);
        }
        finally
        {
            Host.Clock.SetUtcNow(started);
        }
    }

    [Fact]
    public async Task An_applicant_drafts_submits_and_resubmits_and_every_version_stays_readable()
    {
        var (challenge, _, draft) = await DraftAsync(
        [
            new { organisationId = Host.Cast.ApplicantOrg, role = "Lead", budgetShareBp = 6000, responsibility = "算法" },
            new { organisationId = Host.Cast.MemberOrg, role = "Member", budgetShareBp = 4000, responsibility = "整机" },
        ]);
        Assert.Equal("Draft", (string?)draft["status"]);
        Assert.Equal($"{challenge["code"]}-S001", (string?)draft["code"]);
        Assert.Equal(2, draft["members"]!.AsArray().Count);
        Assert.Equal("测试联合企业", (string?)draft["members"]![1]!["organisationName"]);
        var applicant = await Host.As(Cast.Applicant);
        var id = (string)draft["id"]!;

        await Consortia.ConfirmAllAsync(Host, id);
        var first = await applicant.PostJson($"/api/v1/applications/{id}/submit").Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", (string?)first["status"]);
        Assert.Equal(1, (int)first["submittedVersion"]!);

        var body = ApplicationBodies.Changes(challenge, [
            new { organisationId = Host.Cast.ApplicantOrg, role = "Lead", budgetShareBp = 5000 },
            new { organisationId = Host.Cast.MemberOrg, role = "Member", budgetShareBp = 5000 },
        ]);
        body["technicalApproach"] = "第二版技术方案";
        var updated = await applicant.PutJson($"/api/v1/applications/{id}", body, $"\"{first["version"]}\"").Expect(HttpStatusCode.OK);
        // The member's share changed from 40 % to 50 %: its confirmation lapsed and it confirms the new terms.
        Assert.Null(updated["members"]![1]!["confirmedAt"]);
        await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/applications/{id}/submit")
            .ExpectProblem(HttpStatusCode.Conflict, "application.members_unconfirmed"));
        await Consortia.ConfirmAllAsync(Host, id);
        var second = await applicant.PostJson($"/api/v1/applications/{id}/submit").Expect(HttpStatusCode.OK);
        Assert.Equal(2, (int)second["submittedVersion"]!);

        var versions = (await applicant.GetAsync($"/api/v1/applications/{id}/versions").Expect(HttpStatusCode.OK)).AsArray();
        Assert.Equal([1, 2], versions.Select(v => (int)v!["versionNo"]!));
        Assert.Equal("采用多模态力反馈闭环控制方案。", (string?)versions[0]!["content"]!["content"]!["technicalApproach"]);
        Assert.Equal("第二版技术方案", (string?)versions[1]!["content"]!["content"]!["technicalApproach"]);
        Assert.Equal(6000, (int)versions[0]!["content"]!["members"]![0]!["budgetShareBp"]!);

        var member = await Host.As(Cast.TaskForce);
        var audit = await member.GetAsync($"/api/v1/audit?entityType=Application&entityId={id}").Expect(HttpStatusCode.OK);
        Assert.Equal(["Create", "ConfirmParticipation", "Submit", "Update", "ConfirmParticipation", "Submit"],
            audit["items"]!.AsArray().Select(a => (string)a!["action"]!).Reverse());
    }

    [Fact]
    public async Task A_submission_at_235959_on_the_closing_day_is_accepted_and_one_a_second_later_is_refused_with_nothing_stored()
    {
        var (_, batch, onTime) = await DraftAsync();
        var applicant = await Host.As(Cast.Applicant);
        var challenge = await Host.Anonymous().GetAsync($"/api/v1/challenges/{onTime["challengeId"]}").Expect(HttpStatusCode.OK);
        var late = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
        var closesOn = DateOnly.Parse((string)batch["closesOn"]!);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(new DateTimeOffset(closesOn.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.FromHours(8)));
            var accepted = await applicant.PostJson($"/api/v1/applications/{onTime["id"]}/submit").Expect(HttpStatusCode.OK);
            Assert.Equal("Submitted", (string?)accepted["status"]);

            Host.Clock.SetUtcNow(new DateTimeOffset(closesOn.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)));
            await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/applications/{late["id"]}/submit")
                .ExpectProblem(HttpStatusCode.Conflict, "application.window_closed"));
            await DatabaseSnapshot.Unchanged(Host, () => applicant.PutJson($"/api/v1/applications/{late["id"]}", ApplicationBodies.Changes(challenge), "\"1\"")
                .ExpectProblem(HttpStatusCode.Conflict, "application.window_closed"));
            await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/applications/{onTime["id"]}/withdraw")
                .ExpectProblem(HttpStatusCode.Conflict, "application.window_closed"));
            await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge))
                .ExpectProblem(HttpStatusCode.Conflict, "application.window_closed"));
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }

    [Fact]
    public async Task An_incomplete_application_is_refused_field_by_field_and_a_withdrawn_one_cannot_be_submitted()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var body = ApplicationBodies.Complete(challenge);
        body["indicatorResponses"] = Array.Empty<object>();
        body["team"] = Array.Empty<object>();
        var draft = await applicant.PostJson("/api/v1/applications", body).Expect(HttpStatusCode.Created);
        var problem = await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/applications/{draft["id"]}/submit")
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.NotNull(problem["errors"]!["indicatorResponses"]);
        Assert.NotNull(problem["errors"]!["team"]);

        await applicant.PostJson($"/api/v1/applications/{draft["id"]}/withdraw", new { reason = "改投其他需求" }).Expect(HttpStatusCode.OK);
        await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/applications/{draft["id"]}/submit")
            .ExpectProblem(HttpStatusCode.Conflict, "application.invalid_state"));
        var foreign = ApplicationBodies.Complete(challenge);
        foreign["indicatorResponses"] = new[] { new { indicatorId = Guid.NewGuid(), committedValue = "1" } };
        await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson("/api/v1/applications", foreign).ExpectProblem(HttpStatusCode.BadRequest,
            "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge,
            lead: Host.Cast.MemberOrg))
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
    }

    [Fact]
    public async Task A_district_key_applies_for_a_unit_of_its_district_and_is_refused_for_one_outside()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var haidian = Host.WithApiKey(Host.Cast.DistrictKey);
        var created = await haidian.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge,
            lead: Host.Cast.ApplicantOrg)).Expect(HttpStatusCode.Created);
        Assert.Equal(Host.Cast.ApplicantOrg.ToString(), (string?)created["leadOrganisationId"]);
        await haidian.PostJson($"/api/v1/applications/{created["id"]}/submit").Expect(HttpStatusCode.OK);
        await (await Host.As(Cast.Applicant)).GetAsync($"/api/v1/applications/{created["id"]}").Expect(HttpStatusCode.OK);

        await DatabaseSnapshot.Unchanged(Host, () => haidian.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge, lead: Host.Cast.MemberOrg))
            .ExpectProblem(HttpStatusCode.Forbidden, "district.out_of_scope"));
        var chaoyang = Host.WithApiKey(Host.Cast.OtherDistrictKey);
        await chaoyang.GetAsync($"/api/v1/applications/{created["id"]}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await DatabaseSnapshot.Unchanged(Host, () => chaoyang.PostJson($"/api/v1/applications/{created["id"]}/withdraw")
            .ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        var chaoyangList = await chaoyang.GetAsync("/api/v1/applications").Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(chaoyangList["items"]!.AsArray(), i => (string?)i!["id"] == (string?)created["id"]);
    }

    [Fact]
    public async Task Two_hundred_concurrent_submissions_of_distinct_applications_are_all_acknowledged_and_all_present()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var drafts = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created)));
        var ids = drafts.Select(d => (string)d["id"]!).ToList();
        var responses = await Task.WhenAll(ids.Select(id => applicant.PostJson($"/api/v1/applications/{id}/submit")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var tf = await Host.As(Cast.TaskForce);
        var listed = await tf.GetAsync($"/api/v1/applications?challenge={challenge["id"]}&status=Submitted&pageSize=200").Expect(HttpStatusCode.OK);
        Assert.Equal(200, (int)listed["total"]!);
        Assert.Equal(ids.Order(), listed["items"]!.AsArray().Select(i => (string)i!["id"]!).Order());
        Assert.Equal(200, listed["items"]!.AsArray().Select(i => (string)i!["code"]!).Distinct().Count());
        Assert.All(listed["items"]!.AsArray(), i => Assert.Equal(1, (int)i!["submittedVersion"]!));
    }

    [Fact]
    public async Task Submission_is_refused_listing_every_failed_rule_at_once_and_stores_nothing()
    {
        var (challenge, _) = await Scenario.PublishedAsync(issuer: Cast.IssuerA);
        var unique = Random.Shared.Next(10000, 99999).ToString();
        var hongKong = await Apps.OrganisationAsync($"91810000{unique}ABCD", "香港测试公司", OrganisationTypes.Enterprise, region: "810000");
        var institute = await Apps.OrganisationAsync($"12110108{unique}ACDE", "无转化基础研究所", OrganisationTypes.Institute);
        var badCredit = await Apps.OrganisationAsync($"91110108{unique}ADEF", "失信企业", OrganisationTypes.Enterprise, standing: "BadRecord");
        var branch = await Apps.OrganisationAsync($"91110108{unique}AEFG", "某分公司", OrganisationTypes.Enterprise, legalPerson: false);
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
}
