using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Applications.Consortium;

public abstract partial class ConsortiumTests
{
    [Fact]
    public async Task A_member_withdrawing_takes_a_submitted_application_back_to_draft_audited_and_in_the_feed()
    {
        var (challenge, _, id) = await Apps.ConsortiumDraftAsync();
        var applicant = await Host.As(Cast.Applicant);
        var member = await Apps.MemberUserAsync();
        await member.PostJson($"/api/v1/applications/{id}/confirmation").Expect(HttpStatusCode.OK);
        await applicant.PostJson($"/api/v1/applications/{id}/submit").Expect(HttpStatusCode.OK);

        var withdrawn = await member.PostJson($"/api/v1/applications/{id}/confirmation/withdraw", new { reason = "合作条件变化" }).Expect(HttpStatusCode.OK);
        Assert.Equal("Draft", (string?)withdrawn["status"]);
        Assert.Null(withdrawn["members"]![1]!["confirmedAt"]);
        await DatabaseSnapshot.Unchanged(Host, () => member.PostJson($"/api/v1/applications/{id}/confirmation/withdraw").Expect(HttpStatusCode.OK));
        await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/applications/{id}/submit")
            .ExpectProblem(HttpStatusCode.Conflict, "application.members_unconfirmed"));
        Assert.Equal(["Create", "ConfirmParticipation", "Submit", "WithdrawConfirmation"], await Apps.AuditActionsAsync(id));

        var tf = await Host.As(Cast.TaskForce);
        var feed = await tf.GetAsync("/api/v1/feed?limit=500").Expect(HttpStatusCode.OK);
        var events = feed["items"]!.AsArray().Where(i => (string?)i!["resourceId"] == id).Select(i => $"{i!["data"]!["from"]}->{i["data"]!["status"]}")
            .ToList();
        Assert.Equal(["Draft->Submitted", "Submitted->Draft"], events);
        // The member's own district portal (朝阳) follows it too.
        var chaoyang = await Host.WithApiKey(Host.Cast.OtherDistrictKey).GetAsync("/api/v1/feed?limit=500").Expect(HttpStatusCode.OK);
        Assert.Contains(chaoyang["items"]!.AsArray(), i => (string?)i!["resourceId"] == id && (string?)i["data"]!["status"] == "Draft");

        // A changed share lapses a confirmation; an edit that leaves the member's terms alone does not.
        await member.PostJson($"/api/v1/applications/{id}/confirmation").Expect(HttpStatusCode.OK);
        var current = await applicant.GetAsync($"/api/v1/applications/{id}").Expect(HttpStatusCode.OK);
        var prose = ApplicationBodies.Changes(challenge, Apps.Consortium());
        prose["technicalApproach"] = "修订后的技术方案";
        var kept = await applicant.PutJson($"/api/v1/applications/{id}", prose, $"\"{current["version"]}\"").Expect(HttpStatusCode.OK);
        Assert.NotNull(kept["members"]![1]!["confirmedAt"]);
        var lapsed = await applicant.PutJson($"/api/v1/applications/{id}", ApplicationBodies.Changes(challenge, Apps.Consortium(6000)),
            $"\"{kept["version"]}\"")
            .Expect(HttpStatusCode.OK);
        Assert.Null(lapsed["members"]![1]!["confirmedAt"]);
        await applicant.PostJson($"/api/v1/applications/{id}/submit").ExpectProblem(HttpStatusCode.Conflict, "application.members_unconfirmed");
    }
}
