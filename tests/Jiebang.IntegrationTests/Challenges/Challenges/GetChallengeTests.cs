using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Challenges.Challenges;

public abstract partial class ChallengesTests
{
    [Fact]
    public async Task Anonymous_callers_district_keys_applicants_and_experts_get_404_for_unpublished_challenges()
    {
        var batchId = Guid.Parse((string)(await Scenario.OpenBatchAsync())["id"]!);
        var draft = await Scenario.DraftAsync(batchId);
        var url = $"/api/v1/challenges/{draft["id"]}";
        await Host.Anonymous().GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await Host.WithApiKey(Host.Cast.DistrictKey).GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await (await Host.As(Cast.Applicant)).GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await (await Host.As(Cast.Expert)).GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await Host.Anonymous().GetAsync($"/api/v1/challenges/{Guid.NewGuid()}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await Host.Anonymous().GetAsync("/api/v1/challenges/not-a-guid").ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Another_issuer_gets_404_for_a_draft_and_cannot_touch_it()
    {
        var batchId = Guid.Parse((string)(await Scenario.OpenBatchAsync())["id"]!);
        var draft = await Scenario.DraftAsync(batchId, Cast.IssuerA);
        var url = $"/api/v1/challenges/{draft["id"]}";
        var other = await Host.As(Cast.IssuerB);
        await other.GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await DatabaseSnapshot.Unchanged(Host, () => other.PutJson(url, Scenario.ChallengeChanges(), "\"1\"")
            .ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        await DatabaseSnapshot.Unchanged(Host, () => other.PostJson($"{url}/submit").ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        await DatabaseSnapshot.Unchanged(Host, () => other.PostJson($"{url}/withdraw").ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        await (await Host.As(Cast.IssuerA)).GetAsync(url).Expect(HttpStatusCode.OK);
        await (await Host.As(Cast.TaskForce)).GetAsync(url).Expect(HttpStatusCode.OK);
        await (await Host.As(Cast.Auditor)).GetAsync(url).Expect(HttpStatusCode.OK);
    }
}
