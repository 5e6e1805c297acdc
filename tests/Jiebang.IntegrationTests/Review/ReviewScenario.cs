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
    public async Task<ExpertUser> ExpertAsync(string[]? fields = null, Guid? affiliation = null, Guid[]? conflicts = null, object[]? people = null)
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
            declaredConflicts = conflicts ?? [], declaredPersonConflicts = people ?? [], active = true,
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

    /// <summary>An application round with one eligible application to a new challenge of IssuerA; the clock is left after the deadline.</summary>
    public sealed record ApplicationItem(string RoundId, string ItemId, string ApplicationId, string ChallengeId);

    public async Task<ApplicationItem> ApplicationItemAsync(object[] team, int expertsPerItem = 3, int maxLoad = 5, string visibility = "SealedUntilClose",
        object[]? members = null)
    {
        var tf = await host.As(Cast.TaskForce);
        var (applicationId, challengeId) = await EligibleApplicationAsync(team, members);
        var round = await tf.PostJson("/api/v1/review/rounds",
            RoundBody("ApplicationReview", host.Clock.GetUtcNow(), expertsPerItem, maxLoad, visibility)).Expect(HttpStatusCode.Created);
        var roundId = (string)round["id"]!;
        var added = await tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = applicationId }).Expect(HttpStatusCode.OK);
        return new ApplicationItem(roundId, (string)added["items"]!.AsArray().Single()!["id"]!, applicationId, challengeId);
    }

    /// <summary>An application of the Applicant to a new challenge of IssuerA, through the formal check; the clock is left after that batch's deadline.</summary>
    public async Task<(string ApplicationId, string ChallengeId)> EligibleApplicationAsync(object[]? team = null, object[]? members = null)
    {
        var scenario = new Scenario(host);
        var tf = await host.As(Cast.TaskForce);
        var (challenge, batch) = await scenario.PublishedAsync(issuer: Cast.IssuerA);
        var applicant = await host.As(Cast.Applicant);
        var body = ApplicationBodies.Complete(challenge, members: members);
        if (team is not null)
        {
            body["team"] = team;
        }
        var application = await applicant.PostJson("/api/v1/applications", body).Expect(HttpStatusCode.Created);
        var applicationId = (string)application["id"]!;
        await Consortia.ConfirmAllAsync(host, applicationId);
        await applicant.PostJson($"/api/v1/applications/{applicationId}/submit").Expect(HttpStatusCode.OK);
        host.Clock.SetUtcNow(DateTimeOffset.Parse((string)batch["closesAt"]!, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(1));
        await tf.PostJson($"/api/v1/batches/{batch["id"]}/eligibility-check").Expect(HttpStatusCode.OK);
        return (applicationId, (string)challenge["id"]!);
    }

    public sealed record TwoExperts(ApplicationItem Item, HttpClient First, string FirstAssignment, HttpClient Second, string SecondAssignment);

    /// <summary>An application item assigned to two new experts (scoring not opened yet), with each expert's client and assignment.</summary>
    public async Task<TwoExperts> AssignedToTwoExpertsAsync(string visibility = "SealedUntilClose")
    {
        var one = await ExpertAsync();
        var two = await ExpertAsync();
        var item = await ApplicationItemAsync(team: [new { name = "周敏", title = "研究员", role = "项目负责人" }], expertsPerItem: 2, visibility: visibility);
        await (await host.As(Cast.TaskForce)).PostJson($"/api/v1/review/rounds/{item.RoundId}/assign").Expect(HttpStatusCode.OK);
        var first = await host.As(one.UserName);
        var second = await host.As(two.UserName);
        return new TwoExperts(item, first, await AssignmentOfAsync(first, item.ItemId), second, await AssignmentOfAsync(second, item.ItemId));
    }

    /// <summary>The expert's own active assignment on the round, as its client sees it.</summary>
    public async Task<string> AssignmentOfAsync(HttpClient expert, string itemId)
    {
        var mine = await expert.GetAsync("/api/v1/review/me/assignments").Expect(HttpStatusCode.OK);
        return (string)mine.AsArray().Single(a => (string)a!["itemId"]! == itemId && (string)a["status"]! == "Active")!["id"]!;
    }

    public static async Task ScoreAndSubmitAsync(HttpClient expert, string assignment, decimal first, decimal second)
    {
        await expert.PutJson($"/api/v1/review/assignments/{assignment}/score", new
        {
            scores = new[] { new { ordinal = 1, score = first }, new { ordinal = 2, score = second } }, comment = "意见",
        }).Expect(HttpStatusCode.OK);
        await expert.PostJson($"/api/v1/review/assignments/{assignment}/submit").Expect(HttpStatusCode.OK);
    }

    public static object RoundBody(string kind, DateTimeOffset now, int expertsPerItem = 3, int maxLoad = 1, string visibility = "SealedUntilClose") => new
    {
        kind,
        visibility,
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

    /// <summary>
    /// The two experts of every <see cref="DecideAsync"/> round on a host, created once per host. Their field (新材料) is one
    /// no test's challenge has, so automatic assignment in other tests never draws them; put on items by hand, they
    /// depart from the field rule with the written reason, as the task force may.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JiebangHost, Task<ExpertUser[]>> Panels = new();

    /// <summary>
    /// Takes eligible applications (their batch's deadline passed, the formal check done) through an application review
    /// round to Final, through Review's own endpoints: the host's two panel experts put on each item by hand (so no expert
    /// of another test is drawn, and theirs are never drawn here), both score 85/80, the round closes, the issuer records a successful matchmaking, the task force passes
    /// each item except <paramref name="failing"/> (decided Fail), decides, publicises, and finalises once the objection
    /// period is over. Review's messages then move the applications (Selected, or NotSelected) and leave a challenge
    /// without a selected application Unawarded, as they would for real. The clock ends where it began.
    /// </summary>
    public async Task<string> DecideAsync(IReadOnlyList<Guid> applications, string issuer = Cast.IssuerA, IReadOnlySet<Guid>? failing = null)
    {
        var tf = await host.As(Cast.TaskForce);
        var issuerClient = await host.As(issuer);
        var panel = await Panels.GetValue(host, async _ => [await ExpertAsync(["NewMaterials"]), await ExpertAsync(["NewMaterials"])]);
        var saved = host.Clock.GetUtcNow();
        try
        {
            var now = saved;
            var round = await tf.PostJson("/api/v1/review/rounds", RoundBody("ApplicationReview", now, expertsPerItem: 2, maxLoad: applications.Count))
                .Expect(HttpStatusCode.Created);
            var roundId = (string)round["id"]!;
            var items = new Dictionary<Guid, string>();
            foreach (var application in applications)
            {
                var added = await tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = application }).Expect(HttpStatusCode.OK);
                items[application] = (string)added["items"]!.AsArray().Single(i => (string)i!["subjectId"]! == application.ToString())!["id"]!;
            }
            var assignments = new List<(HttpClient Expert, string Assignment)>();
            var experts = new List<HttpClient>();
            foreach (var expert in panel)
            {
                experts.Add(await host.As(expert.UserName));
            }
            foreach (var itemId in items.Values)
            {
                for (var e = 0; e < panel.Length; e++)
                {
                    var assigned = await tf.PostJson($"/api/v1/review/rounds/{roundId}/assignments",
                        new { itemId, expertId = panel[e].Id, reason = "测试专家组" }).Expect(HttpStatusCode.Created);
                    assignments.Add((experts[e], (string)assigned["assignmentId"]!));
                }
            }
            // Automatic assignment finds every item at its count (nobody more is drawn) and moves the round to Assigning.
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/assign").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/open-scoring").Expect(HttpStatusCode.OK);
            foreach (var (expert, assignment) in assignments)
            {
                await ScoreAndSubmitAsync(expert, assignment, 85m, 80m);
            }
            host.Clock.SetUtcNow(now.AddDays(3));
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/close").Expect(HttpStatusCode.OK);
            foreach (var (application, itemId) in items)
            {
                var fails = failing?.Contains(application) == true;
                await issuerClient.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemId}/matchmaking",
                    new { matched = !fails, note = fails ? "未达成一致" : "对接一致" }).Expect(HttpStatusCode.OK);
                await tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemId}/decision",
                    new { outcome = fails ? "Fail" : "Pass", reason = fails ? "对接未成" : "论证通过" }).Expect(HttpStatusCode.OK);
            }
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/decide").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/publicise").Expect(HttpStatusCode.OK);
            host.Clock.SetUtcNow(now.AddDays(3 + ReviewOptionsDays + 1));
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/finalise").Expect(HttpStatusCode.OK);
            return roundId;
        }
        finally
        {
            host.Clock.SetUtcNow(saved);
        }
    }

    /// <summary>The objection period the test hosts run with (Review:ObjectionDays, the default).</summary>
    private const int ReviewOptionsDays = Jiebang.Review.ReviewOptions.DefaultObjectionDays;

    public static IEnumerable<(Guid Item, Guid Expert)> Pairs(JsonNode outcome) =>
        outcome["assigned"]!.AsArray().Select(a => (Guid.Parse((string)a!["itemId"]!), Guid.Parse((string)a["expertId"]!)));
}
