using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Messaging;
using Mediator;

namespace Jiebang.Applications.Features.OverrideEligibility;

/// <summary>The task force's decision against the rule results, with the reason on record.</summary>
internal sealed class Request
{
    public EligibilityOutcome Outcome { get; set; }
    public string Reason { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Outcome).IsInEnum();
        RuleFor(x => x.Reason).NotEmpty().WithMessage("须填写改判理由 / A written reason is required").MaximumLength(2000);
    }
}

internal sealed class Endpoint(DbConnectionFactory db, Outbox outbox, AuditWriter audit, ApplicationFeed feed) : Endpoint<Request, ApplicationDetail>
{
    private const string Override = """
        UPDATE applications_application
        SET status = @Outcome, eligibility = @Outcome, eligibility_override_reason = @Reason, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    public override void Configure()
    {
        Post("/api/v1/applications/{id:guid}/eligibility-override");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Applications_OverrideEligibility", "Applications", "改判资格审查结果（须说明理由） / Override the formal check with a reason")
            .Body<Request>().IfMatch(required: false).Ok<ApplicationDetail>().ETag().Problems(400, 401, 403, 404, 409, 412).Codes(409, "application.invalid_state"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        ApplicationDetail detail;
        OutboxEntries sent;
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var row = await ApplicationStore.LoadAsync(connection, id, tx);
            if (row is null)
            {
                await Send.ResultAsync(Problems.NotFound("application"));
                return;
            }
            if (Versioning.Parse(HttpContext.Request.Headers.IfMatch) is { } v && v != row.Version)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            if (row.Status is not (ApplicationStatus.Eligible or ApplicationStatus.Ineligible))
            {
                await Send.ResultAsync(Problems.Conflict("application.invalid_state",
                    "只能改判已完成资格审查的申报", "Only an application that went through the formal check can be overridden"));
                return;
            }
            await connection.ExecuteAsync(Override, new { Id = id, Outcome = req.Outcome.ToString(), Reason = req.Reason.Trim(), row.Version }, tx);
            await audit.WriteAsync(connection, tx, User.Caller(), ApplicationStore.Module, ApplicationStore.Entity, id, "OverrideEligibility",
                new { from = row.Eligibility?.ToString(), to = req.Outcome.ToString(), reason = req.Reason.Trim() });
            if (row.Status.ToString() != req.Outcome.ToString())
            {
                await feed.StatusChangedAsync(connection, tx, id, row.Status, Enum.Parse<ApplicationStatus>(req.Outcome.ToString()));
            }
            detail = await ApplicationStore.DetailAsync(connection, (await ApplicationStore.LoadAsync(connection, id, tx))!, tx);
            sent = await outbox.EnqueueAsync(connection, tx, new EligibilityDecided(id, row.ChallengeId, req.Outcome, true));
            await tx.CommitAsync(ct);
        }
        await outbox.DispatchAsync(sent, ct);
        HttpContext.Response.Headers.ETag = Versioning.ETag(detail.Version);
        await Send.OkAsync(detail, ct);
    }
}
