using Dapper;
using FastEndpoints;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Features.Shared;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Idempotency;
using Jiebang.Platform.Messaging;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Applications.Features.SubmitApplication;

/// <summary>A submission carries nothing but the version it submits; the content is the working copy.</summary>
internal sealed class Request
{
    /// <summary>Optional: the working copy's version (as If-Match); a stale one is refused with 412.</summary>
    public int? ExpectedVersion { get; set; }
}

internal sealed class Endpoint(IdempotentWrite write, DbConnectionFactory db, ISender sender, Outbox outbox, Parties parties, AuditWriter audit, ApplicationFeed feed, TimeProvider clock)
    : Endpoint<Request, ApplicationDetail>
{
    public override void Configure()
    {
        Post("/api/v1/applications/{id:guid}/submit");
        Roles(Platform.Auth.Roles.Applicant, Platform.Auth.Roles.District);
        Description(b => b.Api("Applications_Submit", "Applications",
                "提交申报书（截止前可再次提交，形成新版本）；支持 Idempotency-Key / Submit; again before the deadline makes a new version; honours Idempotency-Key",
                "Refused with 409 application.window_not_open before the window opens, 409 application.window_closed after the deadline, " +
                "409 application.ineligible listing every failed rule in `violations` (the lead is always among the judged parties), and " +
                "409 application.members_unconfirmed naming every member that has not confirmed its current role and share (联合申报协议).")
            .Body<Request>().IfMatch(required: false).Ok<ApplicationDetail>().ETag().Problems(400, 401, 403, 404, 409, 412, 422)
            .Codes(409, "application.ineligible", "application.members_unconfirmed", "application.window_closed", "application.window_not_open", "application.invalid_state").Idempotent(), clearDefaults: true);
    }

    private sealed record Prepared(int Version, int VersionNo, string Snapshot, ApplicationStatus From, ApplicationSubmitted Notification);

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var expected = Versioning.Parse(HttpContext.Request.Headers.IfMatch) ?? req.ExpectedVersion;
        var result = await write.RunAsync(HttpContext, caller, "Applications_Submit", new { id, expected },
            token => PrepareAsync(id, caller, expected, token),
            async (connection, tx, p) =>
            {
                var now = clock.GetUtcNow();
                var row = await ApplicationStore.LoadAsync(connection, id, tx);
                if (ChangeGuard.Refusal(row, caller, now, p.Version) is { } refusal)
                {
                    return WriteOutcome.Refuse(refusal);
                }
                // Checked again in the transaction: a member may have withdrawn since the judgement outside it.
                if (row!.Unconfirmed() is { Count: > 0 } unconfirmed)
                {
                    return WriteOutcome.Refuse(ApplicationStore.MembersUnconfirmed(unconfirmed));
                }
                await connection.ExecuteAsync(Data.InsertVersion, new
                {
                    Id = Guid.CreateVersion7(), ApplicationId = id, p.VersionNo, Content = p.Snapshot, Now = now, SubmittedBy = caller.Name,
                }, tx);
                if (await connection.ExecuteAsync(Data.MarkSubmitted, new { Id = id, p.VersionNo, Now = now, p.Version }, tx) == 0)
                {
                    return WriteOutcome.Refuse(Problems.VersionMismatch());
                }
                await audit.WriteAsync(connection, tx, caller, ApplicationStore.Module, ApplicationStore.Entity, id, "Submit",
                    new { from = p.From.ToString(), to = nameof(ApplicationStatus.Submitted), version = p.VersionNo });
                await feed.StatusChangedAsync(connection, tx, id, p.From, ApplicationStatus.Submitted);
                var detail = await ApplicationStore.DetailAsync(connection, (await ApplicationStore.LoadAsync(connection, id, tx))!, tx);
                var sent = await outbox.EnqueueAsync(connection, tx, p.Notification);
                return WriteOutcome.Done(StatusCodes.Status200OK, detail, detail.Version, afterCommit: token => outbox.DispatchAsync(sent, token));
            }, ct);
        await Send.ResultAsync(result);
    }

    /// <summary>Everything that reads and judges, outside the write transaction.</summary>
    private async Task<(IResult?, Prepared)> PrepareAsync(Guid id, Caller caller, int? expected, CancellationToken ct)
    {
        static (IResult?, Prepared) Refuse(IResult problem) => (problem, null!);
        ApplicationRow? row;
        await using (var connection = await db.OpenAsync(ct))
        {
            row = await ApplicationStore.LoadAsync(connection, id);
        }
        if (ChangeGuard.Refusal(row, caller, clock.GetUtcNow(), expected) is { } refusal)
        {
            return Refuse(refusal);
        }
        var challenge = await sender.Send(new GetChallengeInfo(row!.ChallengeId), ct);
        if (challenge is null || challenge.Phase != ApplicationPhase.Open)
        {
            return Refuse(ChallengeGate.OutsideWindow(challenge));
        }
        var content = row.ContentDocument();
        var missing = ContentRules.Missing(content, challenge.Indicators.Select(i => i.Id));
        if (missing.Count > 0)
        {
            return Refuse(Problems.Validation(missing));
        }
        var resolved = await parties.ResolveAsync(row.LeadOrganisationId, content, ct);
        var rules = Eligibility.Evaluate(new EligibilityInput(challenge.Phase, challenge.IssuerOrganisationId, resolved,
            content.Declarations, await parties.PriorAgreementsAsync(challenge.IssuerOrganisationId, resolved, ct)));
        var failed = rules.Where(r => !r.Passed).ToList();
        if (failed.Count > 0)
        {
            return Refuse(Problems.Of(StatusCodes.Status409Conflict, "application.ineligible", "Not eligible",
                $"不符合揭榜条件（{failed.Count}项） / The application does not meet {failed.Count} eligibility rule(s)",
                violations: failed.Select(f => new Violation { Code = f.Code, MessageZh = f.MessageZh, MessageEn = f.MessageEn, OrganisationId = f.OrganisationId }).ToList()));
        }
        if (row.Unconfirmed() is { Count: > 0 } unconfirmed)
        {
            return Refuse(ApplicationStore.MembersUnconfirmed(unconfirmed));
        }
        var versionNo = row.SubmittedVersion + 1;
        var snapshot = Data.Snapshot(content, row.Members);
        return (null, new Prepared(row.Version, versionNo, snapshot, row.Status,
            new ApplicationSubmitted(id, row.ChallengeId, row.BatchId, row.LeadOrganisationId, versionNo)));
    }
}
