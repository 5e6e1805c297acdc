using System.Text.Json;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Funding;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.IntegrationTests.Review;

namespace Jiebang.IntegrationTests.Security;

/// <summary>
/// A well-formed request for every operation, aimed at the resources of one <see cref="SecurityScenario"/>, so that what
/// decides the answer is who asks (and the resource's state), not a malformed body.
/// </summary>
/// <remarks>
/// With <paramref name="openWindow"/>, the application operations aim at the draft application whose window is still open,
/// so that a fuzzer gets past the window check to the body's validation.
/// </remarks>
public sealed class ValidRequests(SecurityScenario s, JiebangHost host, bool openWindow = false)
{
    private static readonly HashSet<string> DraftApplicationOperations =
        ["Applications_Update", "Applications_Submit", "Applications_Withdraw", "Applications_UploadAttachment",
            "Applications_ConfirmParticipation", "Applications_WithdrawConfirmation"];

    /// <summary>The scenario's resource each path parameter names, by operation.</summary>
    public Guid Parameter(ApiOperation op, string name) => name switch
    {
        "batchId" => s.BatchId,
        "programmeId" => s.ProgrammeId,
        "attachmentId" => op.Id.StartsWith("Applications_", StringComparison.Ordinal) ? s.ApplicationAttachmentId : s.ProgressAttachmentId,
        "assignmentId" => s.AssignmentId,
        "itemId" => s.ItemId,
        "objectionId" => s.ObjectionId,
        "id" => op.Id.Split('_')[0] switch
        {
            "Agreements" => s.AgreementId,
            "Applications" => openWindow && DraftApplicationOperations.Contains(op.Id) ? s.OpenDraftApplicationId : s.ApplicationId,
            "Batches" => s.DraftBatchId,
            "Challenges" => op.Id == "Challenges_DeclareUnawarded" ? s.ChallengeId : s.DraftChallengeId,
            "Organisations" => s.OrganisationId,
            "ProgressReports" => s.ProgressReportId,
            "Assignments" => s.AssignmentId,
            "Experts" => s.AssignedExpertId,
            "Rounds" => s.RoundId,
            "Jobs" => s.JobId,
            "Users" => s.UserId,
            "ApiKeys" => s.ApiKeyId,
            "Registrations" => s.RegistrationId,
            var other => throw new InvalidOperationException($"No scenario resource for {{id}} of {op.Id} ({other}); add it to ValidRequests."),
        },
        _ => throw new InvalidOperationException($"No scenario resource for {{{name}}} of {op.Id}; add it to ValidRequests."),
    };

    public string Url(ApiOperation op, Func<string, Guid>? ids = null) =>
        op.PathParameters.Aggregate(op.Path, (path, name) => path.Replace("{" + name + "}", (ids ?? (n => Parameter(op, n)))(name).ToString()))
        + (op.Id == "Applications_Export" ? $"?batch={s.BatchId}" : "");

    /// <summary>
    /// A valid JSON body for the operation (null for a bodyless or multipart one). A district key speaks for a unit of its
    /// district, so where the body names the organisation a key acts for, the key's request names the scenario's unit in
    /// 海淀区 (the applicant as lead, the consortium member as member): the one keyIn covers and keyOut does not, so the
    /// two keys' answers show the scope rule rather than a missing field.
    /// </summary>
    public JsonNode? Body(ApiOperation op, string? caller = null)
    {
        var key = caller is "keyIn" or "keyOut";
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().AddHours(8).DateTime);
        object? body = op.Id switch
        {
            "Agreements_RecordAcceptance" => new
            {
                passed = true, notes = "各项指标均达到协议目标",
                results = s.Challenge["indicators"]!.AsArray().Select(i => new { indicatorId = (string)i!["id"]!, achieved = "0.2", passed = true }).ToArray(),
            },
            "Agreements_Adjust" => new { amountFen = 1_000L, reason = "核减" },
            "Agreements_Close" => new { waiverReason = "发榜企业书面放弃采购" },
            "Agreements_Disburse" => new { milestoneIndex = 0, amountFen = 1_000L, reason = "第一期拨付" },
            "Agreements_RecordProcurement" => new { contractDate = "2029-03-01", amountFen = 12_000_000L, product = "精密部件 200台" },
            "Agreements_SubmitProgressReport" => new { milestoneIndex = 1, issuerInvestmentFen = 100_000L, applicantInvestmentFen = 100_000L, note = "第二阶段" },
            "Agreements_Terminate" => new { reason = "双方协商终止", clawBackFen = 0L },
            "Agreements_Sign" => FundingScenario.Agreement(s.ApplicationId),
            "Applications_StartExportJob" => new { batch = s.BatchId },
            "Applications_OverrideEligibility" => new { outcome = "Eligible", reason = "复核后认定" },
            "Applications_Submit" => new { },
            "Applications_ConfirmParticipation" => key ? new { organisationId = s.MemberOrganisationId } : new { },
            "Applications_WithdrawConfirmation" => key ? new { reason = "合作条件变化", organisationId = s.MemberOrganisationId } : new { reason = "合作条件变化" },
            "Applications_Withdraw" => new { reason = "放弃申报" },
            "Applications_Update" => ApplicationBodies.Changes(openWindow ? s.OpenChallenge : s.Challenge),
            "Applications_Create" => key ? ApplicationBodies.Complete(s.OpenChallenge, lead: s.OrganisationId) : ApplicationBodies.Complete(s.OpenChallenge),
            "Auth_IssueToken" => new { userName = Cast.TaskForce, password = JiebangHost.Password },
            "Auth_UpdateProfile" => new { displayName = "测试用户", email = "someone@example.cn", mobile = "13800138000" },
            // Every person of the scenario signs in with the test password; the change is undone after each success.
            "Auth_ChangePassword" => new { currentPassword = JiebangHost.Password, newPassword = "Kx7-rain-lantern-42" },
            "Auth_RequestPasswordReset" => new { userName = Cast.Applicant },
            // No code was sent: every caller gets the refusal (the code is tried in Platform/Auth/ResetPasswordTests).
            "Auth_ResetPassword" => new { userName = Cast.Applicant, code = "000000", newPassword = "Kx7-rain-lantern-42" },
            "Funding_SetPolicy" => FundingScenario.Policy(20_000_000L),
            "Batches_Update" => new { name = "测试批次（修订）", opensOn = today.AddDays(10).ToString("yyyy-MM-dd"), closesOn = today.AddDays(45).ToString("yyyy-MM-dd") },
            "Challenges_Approve" or "Challenges_SendToReview" or "Challenges_Submit" or "Challenges_Withdraw" => new { reason = "理由" },
            "Challenges_Reject" => new { reason = "指标不明确" },
            "Challenges_Update" => Scenario.ChallengeChanges(),
            "Challenges_Create" => Scenario.ChallengeBody(s.DraftBatchId),
            "Organisations_SetCreditStanding" => new { standing = "Good", source = "信用中国", recordedOn = "2026-11-01" },
            // The scenario's organisation is the applicant university (12110108…, 海淀区).
            "Organisations_Correct" => new
            {
                name = "测试揭榜高校", type = "University", regionCode = "110108", independentLegalPerson = true,
                commercialisationBase = "技术转移中心", reason = "核对法人证书后更正",
            },
            "Organisations_Register" => new
            {
                creditCode = Cast.Code("91110108MA0T0X" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture)), name = "新注册企业", type = "Enterprise",
                regionCode = "110108", independentLegalPerson = true,
            },
            "Batches_Create" => new
            {
                code = Scenario.Unique("B"), name = "新批次", opensOn = today.AddDays(60).ToString("yyyy-MM-dd"), closesOn = today.AddDays(90).ToString("yyyy-MM-dd"),
            },
            "Programmes_Create" => new { code = Scenario.Unique("P"), name = "新工程", operatorName = "管委会", targetConsortia = 10, targetYear = 2027 },
            "ProgressReports_Return" => new { note = "请补充票据" },
            "ProgressReports_Verify" => new { verifiedIssuerFen = 500_000L, verifiedApplicantFen = 300_000L, note = "核实" },
            "Assignments_Decline" => new { reason = "时间冲突", recuse = false },
            "Assignments_SaveScore" => new { scores = new[] { new { ordinal = 1, score = 70m }, new { ordinal = 2, score = 75m } }, comment = "修改意见" },
            "Challenges_DeclareUnawarded" => new { reason = "无合格申报" },
            "Experts_LinkUser" => new { userName = s.AssignedExpertUser },
            "Experts_Update" or "Experts_Create" => new
            {
                name = "新专家", title = "研究员", fields = new[] { "MedicalDevices" }, declaredConflicts = Array.Empty<Guid>(),
                declaredPersonConflicts = Array.Empty<object>(), active = true,
            },
            "Experts_DeclareConflicts" => new { declaredConflicts = new[] { host.Cast.IssuerBOrg }, declaredPersonConflicts = Array.Empty<object>() },
            "Rounds_RemoveAssignment" => new { reason = "回避", replacement = "None" },
            "Rounds_AssignByHand" => new { itemId = s.ItemId, expertId = s.UnassignedExpertId, reason = "补充专家" },
            "Rounds_RecordDecision" => new { outcome = "Pass", reason = "论证通过" },
            "Rounds_RecordMatchmaking" => new { matched = true, note = "对接一致" },
            "Rounds_AddItem" => new { subjectId = s.ApplicationId },
            "Rounds_ResolveObjection" => new { outcome = "Upheld", resolution = "复核" },
            "Rounds_FileObjection" => new { itemId = s.ItemId, reason = "不服" },
            "Rounds_Update" => WithoutKind(ReviewScenario.RoundBody("ApplicationReview", host.Clock.GetUtcNow())),
            "Rounds_Create" => ReviewScenario.RoundBody("ApplicationReview", host.Clock.GetUtcNow()),
            "Users_Create" => new
            {
                userName = Scenario.Unique("member"), displayName = "课题组成员", role = "Applicant", organisationId = host.Cast.ApplicantOrg,
                password = "Lan-ting#Xu-2026",
            },
            "Users_ChangeRole" => new { role = "Applicant", organisationId = host.Cast.ApplicantOrg, orgAdmin = true },
            "Users_ResetPassword" => new { newPassword = "Qiu-shui#Pian-88" },
            "ApiKeys_Create" => new { name = "西城区门户", districtCode = "110102" },
            "Registrations_Reject" => new { reason = "营业执照不清晰" },
            _ when op.ContentType is null or "multipart/form-data" => null,
            _ => throw new InvalidOperationException($"No valid body for {op.Id}; add one to ValidRequests."),
        };
        return body is null ? null : JsonSerializer.SerializeToNode(body, Json.Options);
    }

    private HttpClient? _taskForce;

    private static JsonNode WithoutKind(object round)
    {
        var node = JsonSerializer.SerializeToNode(round, Json.Options)!.AsObject();
        node.Remove("kind");
        return node;
    }

    /// <summary>The request for <paramref name="op"/>: valid body (or a PDF for uploads), and the current version in If-Match where updates need it.</summary>
    public async Task<HttpRequestMessage> BuildAsync(ApiOperation op, HttpClient caller, Func<string, Guid>? ids = null, JsonNode? body = null,
        HttpContent? content = null, string? column = null)
    {
        var url = Url(op, ids);
        var request = new HttpRequestMessage(new HttpMethod(op.Method), url);
        if (content is not null)
        {
            request.Content = content;
        }
        else if (op.Id == "Registrations_Submit")
        {
            // A code of its own, so the registration of the scenario does not refuse it as a duplicate.
            request.Content = Jiebang.IntegrationTests.Platform.Registrations.RegistrationsTests.Form(Jiebang.IntegrationTests.Platform.Registrations.RegistrationsTests.NewCode());
        }
        else if (op.ContentType == "multipart/form-data")
        {
            request.Content = SecurityScenario.Pdf();
        }
        else if (op.ContentType is not null)
        {
            request.Content = new StringContent((body ?? Body(op, column))!.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }
        else if (op.Method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        if (op.Id == "Registrations_GetStatus")
        {
            request.Headers.TryAddWithoutValidation("X-Registration-Token", s.RegistrationToken);
        }
        if (op.Statuses.Contains(428) && await CurrentVersionAsync(op, caller) is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return request;
    }

    /// <summary>The ETag of the scenario's resource an update targets (also sent for ids that do not exist, so only the id differs), read as the caller (its own view) or else as the task force.</summary>
    private async Task<string?> CurrentVersionAsync(ApiOperation op, HttpClient caller)
    {
        var url = Url(op);
        var tf = _taskForce ??= await host.As(Cast.TaskForce);
        if (op.Id.StartsWith("ApiKeys_", StringComparison.Ordinal) && op.PathParameters.Count > 0)
        {
            // Keys have no single-resource read: the version comes from the task force's list.
            var keys = JsonNode.Parse(await tf.GetStringAsync("/api/v1/api-keys"))!.AsArray();
            var key = keys.SingleOrDefault(k => (string?)k!["id"] == s.ApiKeyId.ToString());
            return key is null ? null : $"\"{(int)key["version"]!}\"";
        }
        foreach (var candidate in new[] { url, url[..url.LastIndexOf('/')] })
        {
            foreach (var client in new[] { caller, tf })
            {
                using var response = await client.GetAsync(candidate);
                if (response.IsSuccessStatusCode && response.Headers.ETag is { } etag)
                {
                    return etag.ToString();
                }
            }
        }
        return null;
    }
}
