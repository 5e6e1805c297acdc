using System.Net;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Review;

/// <summary>Builders for review tests: expert users bound to expert profiles, challenges under need review, rounds.</summary>
public sealed class ReviewScenario(JiebangHost host)
{
    public sealed record ExpertUser(Guid Id, string UserName);

    /// <summary>Creates an Expert user, an expert profile through the API, and links them; the user signs in with the expert claim.</summary>
    public async Task<ExpertUser> ExpertAsync(string[]? fields = null, Guid? affiliation = null, Guid[]? conflicts = null)
    {
        var userName = Scenario.Unique("expert");
        var users = host.Services.GetRequiredService<UserStore>();
        var (connection, tx) = await host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            await users.CreateAsync(connection, tx, userName, "专家 " + userName, JiebangHost.Password, Roles.Expert, null, null, false);
            await tx.CommitAsync();
        }
        var tf = await host.As(Cast.TaskForce);
        var created = await tf.PostJson("/api/v1/review/experts", new
        {
            name = "专家 " + userName, title = "教授", fields = fields ?? ["MedicalDevices"], affiliationOrganisationId = affiliation,
            declaredConflicts = conflicts ?? [],
        }).Expect(HttpStatusCode.Created);
        var id = Guid.Parse((string)created["id"]!);
        await tf.PostJson($"/api/v1/review/experts/{id}/user", new { userName }).Expect(HttpStatusCode.OK);
        return new ExpertUser(id, userName);
    }

    /// <summary>A challenge of the issuer, submitted and sent to need review (UnderReview).</summary>
    public async Task<Guid> ChallengeUnderReviewAsync(Guid batchId, string issuer)
    {
        var scenario = new Scenario(host);
        var draft = await scenario.DraftAsync(batchId, issuer);
        var id = (string)draft["id"]!;
        await (await host.As(issuer)).PostJson($"/api/v1/challenges/{id}/submit").Expect(HttpStatusCode.OK);
        await (await host.As(Cast.TaskForce)).PostJson($"/api/v1/challenges/{id}/send-to-review", new { reason = "送论证" }).Expect(HttpStatusCode.OK);
        return Guid.Parse(id);
    }

    public static object RoundBody(string kind, DateTimeOffset now, int expertsPerItem = 3, int maxLoad = 1) => new
    {
        kind,
        name = Scenario.Unique("论证"),
        criteria = new object[]
        {
            new { name = "技术先进性", weight = 0.6m, maxScore = 100, threshold = 60m },
            new { name = "可行性", weight = 0.4m, maxScore = 100 },
        },
        passThreshold = 60m,
        expertsPerItem,
        maxLoadPerExpert = maxLoad,
        spreadLimit = 20m,
        scoringOpensAt = now.AddHours(-1),
        scoringClosesAt = now.AddDays(2),
    };

    public static IEnumerable<(Guid Item, Guid Expert)> Pairs(JsonNode outcome) =>
        outcome["assigned"]!.AsArray().Select(a => (Guid.Parse((string)a!["itemId"]!), Guid.Parse((string)a["expertId"]!)));
}
