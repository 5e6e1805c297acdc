using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Applications.Attachments;
using Jiebang.IntegrationTests.Funding;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.IntegrationTests.Review;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Security;

/// <summary>
/// One of every resource the API serves, built through HTTP the way people would: a programme, a published batch whose
/// window has closed, a published challenge of issuer A, a draft challenge of issuer A in a draft batch, an application of
/// the applicant (with a consortium member and an attachment) through review to a signed and countersigned agreement,
/// a resolved objection, a progress report with an attachment waiting for verification, and experts in and out of the round.
/// </summary>
/// <summary>
/// The host of the security tests: background jobs are queued but not run, so nothing writes behind a request's back
/// while the fuzzer compares the database before and after each refusal.
/// </summary>
public sealed class SecuritySqliteHost : SqliteHost
{
    public SecuritySqliteHost() => Settings["Jobs:Run"] = "false";
}

/// <summary><see cref="SecuritySqliteHost"/> served by Kestrel over a socket.</summary>
public sealed class SecuritySqliteOverSocketsHost : SqliteHost
{
    public SecuritySqliteOverSocketsHost() => Settings["Jobs:Run"] = "false";

    protected override bool OverSockets => true;
}

public sealed class SecurityScenario
{
    public const string OtherApplicant = "applicant-b";

    public required Guid ProgrammeId { get; init; }
    public required Guid BatchId { get; init; }
    public required Guid DraftBatchId { get; init; }
    public required Guid ChallengeId { get; init; }
    public required Guid DraftChallengeId { get; init; }
    public required JsonNode Challenge { get; init; }
    public required Guid ApplicationId { get; init; }
    public required Guid ApplicationAttachmentId { get; init; }
    public required Guid RoundId { get; init; }
    public required Guid ItemId { get; init; }
    public required Guid AssignmentId { get; init; }
    public required Guid ObjectionId { get; init; }
    public required Guid AssignedExpertId { get; init; }
    public required Guid UnassignedExpertId { get; init; }
    public required string AssignedExpertUser { get; init; }
    public required string UnassignedExpertUser { get; init; }
    public required Guid AgreementId { get; init; }
    public required Guid ProgressReportId { get; init; }
    public required Guid ProgressAttachmentId { get; init; }
    public required Guid OrganisationId { get; init; }
    /// <summary>The consortium member of the application (an enterprise in 海淀区, with no user of its own).</summary>
    public required Guid MemberOrganisationId { get; init; }
    /// <summary>A published challenge of issA whose window is open now, and a draft application of appA to it (sealed until the deadline).</summary>
    public required JsonNode OpenChallenge { get; init; }
    public required Guid OpenDraftApplicationId { get; init; }
    /// <summary>The task force's export of the batch's applications, started as a background job (queued: security hosts run no jobs).</summary>
    public required Guid JobId { get; init; }
    /// <summary>A colleague of appA in the applicant university, made by the task force; appA and issA are unit administrators.</summary>
    public required Guid UserId { get; init; }
    /// <summary>A district key for 西城区 made by the task force, used by no caller.</summary>
    public required Guid ApiKeyId { get; init; }
    /// <summary>A unit's pending registration (submitted anonymously) and its status token.</summary>
    public required Guid RegistrationId { get; init; }
    public required string RegistrationToken { get; init; }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JiebangHost, Task<SecurityScenario>> Built = new();

    /// <summary>The scenario of this host, built on first use (the tests of one class share it; each leaves it as it found it).</summary>
    public static Task<SecurityScenario> OfAsync(JiebangHost host) => Built.GetValue(host, BuildAsync);

    private static async Task<SecurityScenario> BuildAsync(JiebangHost host)
    {
        var scenario = new Scenario(host);
        var review = new ReviewScenario(host);
        var tf = await host.As(Cast.TaskForce);
        var issuer = await host.As(Cast.IssuerA);
        var applicant = await host.As(Cast.Applicant);
        await OtherApplicantAsync(host);
        var memberOrg = await HaidianMemberAsync(host);

        var programmeId = await scenario.ProgrammeAsync();
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().AddHours(8).DateTime);
        var (challenge, batch) = await scenario.PublishedAsync(await scenario.BatchAsync(today.AddDays(-1), today.AddDays(30), programmeId));
        var challengeId = (string)challenge["id"]!;
        var batchId = (string)batch["id"]!;
        var draftBatch = await scenario.BatchAsync(today.AddDays(10), today.AddDays(40), programmeId);
        var draftChallenge = await scenario.DraftAsync(Guid.Parse((string)draftBatch["id"]!));

        var application = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge, members:
        [
            new { organisationId = host.Cast.ApplicantOrg, role = "Lead", budgetShareBp = 7000 },
            new { organisationId = memberOrg, role = "Member", budgetShareBp = 3000 },
        ])).Expect(HttpStatusCode.Created);
        var applicationId = (string)application["id"]!;
        var attachment = await applicant.PostAsync($"/api/v1/applications/{applicationId}/attachments", Pdf()).Expect(HttpStatusCode.Created);
        await Consortia.ConfirmAllAsync(host, applicationId);
        await applicant.PostJson($"/api/v1/applications/{applicationId}/submit").Expect(HttpStatusCode.OK);
        var assigned = new[] { await review.ExpertAsync(), await review.ExpertAsync() };

        var closed = DateTimeOffset.Parse((string)batch["closesAt"]!, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(1);
        host.Clock.SetUtcNow(closed);
        await tf.PostJson($"/api/v1/batches/{batchId}/eligibility-check").Expect(HttpStatusCode.OK);
        var round = await tf.PostJson("/api/v1/review/rounds", ReviewScenario.RoundBody("ApplicationReview", closed, expertsPerItem: 2, maxLoad: 5))
            .Expect(HttpStatusCode.Created);
        var roundId = (string)round["id"]!;
        var itemId = (string)(await tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = applicationId }).Expect(HttpStatusCode.OK))["items"]!
            .AsArray().Single()!["id"]!;
        await tf.PostJson($"/api/v1/review/rounds/{roundId}/assign").Expect(HttpStatusCode.OK);
        await tf.PostJson($"/api/v1/review/rounds/{roundId}/open-scoring").Expect(HttpStatusCode.OK);
        var unassigned = await review.ExpertAsync();
        string? assignmentId = null;
        foreach (var expert in assigned)
        {
            var client = await host.As(expert.UserName);
            var assignment = await review.AssignmentOfAsync(client, itemId);
            assignmentId ??= assignment;
            await ReviewScenario.ScoreAndSubmitAsync(client, assignment, 85m, 80m);
        }
        host.Clock.SetUtcNow(closed.AddDays(3));
        await tf.PostJson($"/api/v1/review/rounds/{roundId}/close").Expect(HttpStatusCode.OK);
        await issuer.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemId}/matchmaking", new { matched = true, note = "对接一致" }).Expect(HttpStatusCode.OK);
        await tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemId}/decision", new { outcome = "Pass", reason = "论证通过" }).Expect(HttpStatusCode.OK);
        await tf.PostJson($"/api/v1/review/rounds/{roundId}/decide").Expect(HttpStatusCode.OK);
        await tf.PostJson($"/api/v1/review/rounds/{roundId}/publicise").Expect(HttpStatusCode.OK);
        var objection = await applicant.PostJson($"/api/v1/review/rounds/{roundId}/objections", new { itemId, reason = "评分说明不足" })
            .Expect(HttpStatusCode.Created);
        await tf.PostJson($"/api/v1/review/rounds/{roundId}/objections/{objection["id"]}/resolve", new { outcome = "Dismissed", resolution = "评分有据" })
            .Expect(HttpStatusCode.OK);
        host.Clock.SetUtcNow(closed.AddDays(9));
        await tf.PostJson($"/api/v1/review/rounds/{roundId}/finalise").Expect(HttpStatusCode.OK);

        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(10_000_000L)).Expect(HttpStatusCode.Created);
        var signed = await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(Guid.Parse(applicationId))).Expect(HttpStatusCode.Created);
        var agreementId = (string)signed["id"]!;
        await issuer.PostJson($"/api/v1/agreements/{agreementId}/issuer-confirmation").Expect(HttpStatusCode.OK);
        var report = await applicant.PostJson($"/api/v1/agreements/{agreementId}/progress-reports",
            new { milestoneIndex = 0, issuerInvestmentFen = 600_000L, applicantInvestmentFen = 400_000L, note = "第一阶段" }).Expect(HttpStatusCode.Created);
        var reportId = (string)report["id"]!;
        var reportAttachment = await applicant.PostAsync($"/api/v1/progress-reports/{reportId}/attachments", Pdf()).Expect(HttpStatusCode.Created);
        var (openChallenge, _) = await scenario.PublishedAsync();
        var openDraft = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(openChallenge)).Expect(HttpStatusCode.Created);
        var job = await tf.PostJson("/api/v1/applications/export-jobs", new { batch = batchId }).Expect(HttpStatusCode.Accepted);
        if (!(host.Settings.TryGetValue("Jobs:Run", out var run) && run == "false"))
        {
            // On a host that runs jobs, let it finish: a job writing in the background would change the database under
            // the before/after comparisons of the tests that use this scenario.
            await Poll.UntilAsync(async () => (string)(await tf.GetAsync($"/api/v1/jobs/{job["id"]}").Expect(HttpStatusCode.OK))["status"]!,
                status => status is not ("Queued" or "Running"), TimeSpan.FromSeconds(60), "the scenario's export job finishes");
        }

        await UnitAdministratorsAsync(host, Cast.Applicant, Cast.IssuerA);
        var colleague = await tf.PostJson("/api/v1/users", new
        {
            userName = "colleague-a", displayName = "项目负责人", role = "Applicant", organisationId = host.Cast.ApplicantOrg,
            password = "Lan-ting#Xu-2026",
        }).Expect(HttpStatusCode.Created);
        var apiKey = await tf.PostJson("/api/v1/api-keys", new { name = "西城区门户（测试）", districtCode = "110102" }).Expect(HttpStatusCode.Created);
        var registration = await host.Anonymous().PostAsync("/api/v1/registrations",
            Jiebang.IntegrationTests.Platform.Registrations.RegistrationsTests.Form(Cast.Code("91110108MA0T0R001"), "scenario-unit-admin")).Expect(HttpStatusCode.Accepted);

        return new SecurityScenario
        {
            ProgrammeId = programmeId, BatchId = Guid.Parse(batchId), DraftBatchId = Guid.Parse((string)draftBatch["id"]!),
            ChallengeId = Guid.Parse(challengeId), DraftChallengeId = Guid.Parse((string)draftChallenge["id"]!), Challenge = challenge,
            ApplicationId = Guid.Parse(applicationId), ApplicationAttachmentId = Guid.Parse((string)attachment["id"]!),
            RoundId = Guid.Parse(roundId), ItemId = Guid.Parse(itemId), AssignmentId = Guid.Parse(assignmentId!),
            ObjectionId = Guid.Parse((string)objection["id"]!),
            AssignedExpertId = assigned[0].Id, UnassignedExpertId = unassigned.Id,
            AssignedExpertUser = assigned[0].UserName, UnassignedExpertUser = unassigned.UserName,
            AgreementId = Guid.Parse(agreementId), ProgressReportId = Guid.Parse(reportId),
            ProgressAttachmentId = Guid.Parse((string)reportAttachment["id"]!), OrganisationId = host.Cast.ApplicantOrg,
            MemberOrganisationId = memberOrg,
            OpenChallenge = openChallenge, OpenDraftApplicationId = Guid.Parse((string)openDraft["id"]!),
            JobId = Guid.Parse((string)job["id"]!),
            UserId = Guid.Parse((string)colleague["id"]!), ApiKeyId = Guid.Parse((string)apiKey["apiKey"]!["id"]!),
            RegistrationId = Guid.Parse((string)registration["reference"]!), RegistrationToken = (string)registration["statusToken"]!,
        };
    }

    public static MultipartFormDataContent Pdf(string fileName = "方案.pdf", byte[]? bytes = null)
    {
        var file = new ByteArrayContent(bytes ?? TestFiles.Pdf());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    /// <summary>
    /// The consortium member of the scenario's application: an enterprise in 海淀区 like the lead, so that keyIn covers the whole
    /// consortium and keyOut (朝阳区) none of it (a district reads the applications of every member it covers).
    /// </summary>
    private static async Task<Guid> HaidianMemberAsync(JiebangHost host)
    {
        var orgs = host.Services.GetRequiredService<OrganisationStore>();
        var (connection, tx) = await host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            var org = await orgs.EnsureAsync(connection, tx, Cast.Code("91110108MA0T00010"), "海淀联合企业", OrganisationTypes.Enterprise, false);
            await tx.CommitAsync();
            return org.Id;
        }
    }

    /// <summary>Makes the named accounts unit administrators (单位管理员) of their organisations.</summary>
    private static async Task UnitAdministratorsAsync(JiebangHost host, params string[] userNames)
    {
        await using var connection = await host.Db.OpenAsync();
        foreach (var userName in userNames)
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE platform_user SET org_admin = @Yes WHERE user_name = @U", new { Yes = true, U = userName });
        }
    }

    /// <summary>A second applicant: a university in 朝阳区 with its own user, party to nothing in the scenario.</summary>
    private static async Task OtherApplicantAsync(JiebangHost host)
    {
        var users = host.Services.GetRequiredService<UserStore>();
        var orgs = host.Services.GetRequiredService<OrganisationStore>();
        var (connection, tx) = await host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            var org = await orgs.EnsureAsync(connection, tx, Cast.Code("12110105400T00009"), "另一所高校", OrganisationTypes.University, false,
                commercialisationBase: "技术转移办公室");
            await users.CreateAsync(connection, tx, OtherApplicant, "另一揭榜单位", JiebangHost.Password, Roles.Applicant, org.Id, null, false);
            await tx.CommitAsync();
        }
    }
}
