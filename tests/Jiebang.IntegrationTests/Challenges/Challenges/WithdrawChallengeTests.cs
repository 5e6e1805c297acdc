using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Challenges.Challenges;

public abstract partial class ChallengesTests
{
    [Fact]
    public async Task An_issuer_withdraws_its_submitted_need_and_a_published_batch_takes_no_more_needs()
    {
        var (challenge, batch) = await Scenario.PublishedAsync();
        var issuer = await Host.As(Cast.IssuerA);
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson("/api/v1/challenges", Scenario.ChallengeBody(Guid.Parse((string)batch["id"]!)))
            .ExpectProblem(HttpStatusCode.Conflict, "challenge.batch_not_collecting"));
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson($"/api/v1/challenges/{challenge["id"]}/withdraw")
            .ExpectProblem(HttpStatusCode.Conflict, "challenge.invalid_transition"));

        var other = Guid.Parse((string)(await Scenario.OpenBatchAsync())["id"]!);
        var draft = await Scenario.DraftAsync(other);
        await issuer.PostJson($"/api/v1/challenges/{draft["id"]}/submit").Expect(HttpStatusCode.OK);
        var withdrawn = await issuer.PostJson($"/api/v1/challenges/{draft["id"]}/withdraw", new { reason = "内部调整" }).Expect(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", (string?)withdrawn["status"]);
    }

    [Fact]
    public async Task An_issuer_cannot_act_on_a_published_challenge_of_another_issuer()
    {
        var (challenge, _) = await Scenario.PublishedAsync(issuer: Cast.IssuerA);
        var other = await Host.As(Cast.IssuerB);
        await other.GetAsync($"/api/v1/challenges/{challenge["id"]}").Expect(HttpStatusCode.OK);
        await DatabaseSnapshot.Unchanged(Host, () => other.PostJson($"/api/v1/challenges/{challenge["id"]}/withdraw")
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        var applicant = await Host.As(Cast.Applicant);
        await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/challenges/{challenge["id"]}/approve")
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
    }
}
