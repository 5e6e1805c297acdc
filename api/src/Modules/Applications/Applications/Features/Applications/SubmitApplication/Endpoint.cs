using FastEndpoints;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Data;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Services;
using Jiebang.Applications.Views;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Applications.Features.Applications.SubmitApplication;

internal sealed class Endpoint(WritePath writes, DbConnectionFactory db, ISender sender, Parties parties, TimeProvider clock)
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
            .Codes(409, "application.ineligible", "application.members_unconfirmed", "application.window_closed", "application.window_not_open",
                "application.invalid_state")
            .Idempotent(), clearDefaults: true);
    }

    /// <summary>What the judgement outside the transaction found: the row as judged and what its submission writes.</summary>
    private sealed record Prepared(ApplicationRow Row, int VersionNo, string Snapshot);

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var expected = Versioning.Parse(HttpContext.Request.Headers.IfMatch) ?? req.ExpectedVersion;
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Idempotent("Applications_Submit", new { id, expected }),
            token => PrepareAsync(id, caller, expected, token),
            async (w, p) =>
            {
                // Everything judged outside is tied to the version it was judged on: the update below changes nothing when the
                // application changed since (an edit, a member withdrawing or giving its confirmation, a status move), and the
                // answer is 412 as it always was. Only time moves on without a new version, so the deadline is asked again.
                Write.Require(!ApplicationWindow.IsClosed(p.Row.ClosesAt, w.Now), ApplicationWindow.Closed());
                Write.Changed(await w.ExecuteAsync(ApplicationStore.MarkSubmitted, new { Id = id, p.VersionNo, w.Now, p.Row.Version }));
                await w.ExecuteAsync(ApplicationStore.InsertVersion, new
                {
                    Id = Guid.CreateVersion7(), ApplicationId = id, p.VersionNo, Content = p.Snapshot, w.Now, SubmittedBy = caller.Name,
                });
                // The versioned update succeeded, so the row is the one judged, as the submission leaves it: not loaded again.
                var row = p.Row.Submitted(p.VersionNo, w.Now);
                var detail = await ApplicationStore.DetailAsync(w.Connection, row, w.Transaction);
                await w.AuditAsync(ApplicationStore.Module, ApplicationStore.Entity, id, "Submit",
                    new { from = p.Row.Status.ToString(), to = nameof(ApplicationStatus.Submitted), version = p.VersionNo });
                await ApplicationFeed.StatusChangedAsync(w, row, p.Row.Status, ApplicationStatus.Submitted);
                await w.PublishAsync(new ApplicationSubmitted(id, row.ChallengeId, row.BatchId, row.LeadOrganisationId, p.VersionNo));
                return Write.Ok(detail, detail.Version);
            }, ct));
    }

    /// <summary>Everything that reads and judges, outside the write transaction (the rules ask Challenges, the registry and Funding).</summary>
    private async Task<Prepared> PrepareAsync(Guid id, Caller caller, int? expected, CancellationToken ct)
    {
        ApplicationRow? loaded;
        await using (var connection = await db.OpenAsync(ct))
        {
            loaded = await ApplicationStore.LoadAsync(connection, id);
        }
        var now = clock.GetUtcNow();
        var row = ApplicationLifecycle.CheckChange(loaded, caller, now, expected);
        var challenge = await sender.Send(new GetChallengeInfo(row.ChallengeId), ct);
        if (ApplicationWindow.Refusal(challenge, now) is { } outside)
        {
            throw Write.Refuse(outside);
        }
        var content = row.ContentDocument();
        var missing = ContentRules.Missing(content, challenge!.Indicators.Select(i => i.Id));
        Write.Require(missing.Count == 0, Problems.Validation(missing));
        var resolved = await parties.ResolveAsync(row.LeadOrganisationId, content, ct);
        var rules = Domain.Eligibility.Evaluate(new EligibilityInput(ApplicationPhase.Open, challenge.IssuerOrganisationId, resolved,
            content.Declarations, await parties.PriorAgreementsAsync(challenge.IssuerOrganisationId, resolved, ct)));
        var failed = rules.Where(r => !r.Passed).ToList();
        Write.Require(failed.Count == 0, Problems.Of(StatusCodes.Status409Conflict, "application.ineligible", "Not eligible",
            $"不符合揭榜条件（{failed.Count}项） / The application does not meet {failed.Count} eligibility rule(s)",
            violations: failed.Select(f => new Violation
            {
                Code = f.Code, MessageZh = f.MessageZh, MessageEn = f.MessageEn, OrganisationId = f.OrganisationId,
            }).ToList()));
        if (row.Unconfirmed() is { Count: > 0 } unconfirmed)
        {
            throw Write.Refuse(ApplicationStore.MembersUnconfirmed(unconfirmed));
        }
        return new Prepared(row, row.SubmittedVersion + 1, ApplicationStore.Snapshot(content, row.Members));
    }
}
