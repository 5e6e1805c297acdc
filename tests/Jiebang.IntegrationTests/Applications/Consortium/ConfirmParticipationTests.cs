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
    public async Task Submission_waits_until_every_member_confirms_and_confirming_twice_changes_nothing()
    {
        var (_, _, id) = await Apps.ConsortiumDraftAsync();
        var applicant = await Host.As(Cast.Applicant);
        var problem = await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/applications/{id}/submit")
            .ExpectProblem(HttpStatusCode.Conflict, "application.members_unconfirmed"));
        Assert.Contains("测试联合企业", (string?)problem["detail"]);
        Assert.DoesNotContain(Host.Cast.MemberOrg.ToString(), (string?)problem["detail"]);
        Assert.Equal(Host.Cast.MemberOrg.ToString(), (string?)Assert.Single(problem["violations"]!.AsArray())!["organisationId"]);

        // The lead confirms nothing: it agrees by submitting.
        await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/applications/{id}/confirmation")
            .ExpectProblem(HttpStatusCode.Conflict, "application.not_a_member"));

        var member = await Apps.MemberUserAsync();
        var confirmed = await member.PostJson($"/api/v1/applications/{id}/confirmation").Expect(HttpStatusCode.OK);
        var row = confirmed["members"]!.AsArray().Single(m => (string?)m!["organisationId"] == Host.Cast.MemberOrg.ToString())!;
        Assert.NotNull(row["confirmedAt"]);
        Assert.Equal("member-user", (string?)row["confirmedBy"]);
        Assert.False((bool)confirmed["members"]![0]!["confirmationRequired"]!);
        var again = await DatabaseSnapshot.Unchanged(Host, () => member.PostJson($"/api/v1/applications/{id}/confirmation").Expect(HttpStatusCode.OK));
        Assert.Equal((int)confirmed["version"]!, (int)again["version"]!);

        var submitted = await applicant.PostJson($"/api/v1/applications/{id}/submit").Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", (string?)submitted["status"]);
        Assert.Equal(["Create", "ConfirmParticipation", "Submit"], await Apps.AuditActionsAsync(id));
    }

    [Fact]
    public async Task After_the_deadline_a_member_can_neither_confirm_nor_withdraw_and_nothing_changes()
    {
        var (_, batch, id) = await Apps.ConsortiumDraftAsync();
        var member = await Apps.MemberUserAsync();
        await member.PostJson($"/api/v1/applications/{id}/confirmation").Expect(HttpStatusCode.OK);
        var (_, _, unconfirmed) = await Apps.ConsortiumDraftAsync();
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
}
