using FastEndpoints;
using FluentValidation;
using Jiebang.Applications.Contracts;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Messaging;
using Jiebang.Review.Features.Shared;
using Mediator;

namespace Jiebang.Review.Features.DeclareUnawarded;

internal sealed class Request
{
    public string Reason { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
}

internal sealed class Response
{
    public required Guid ChallengeId { get; init; }
    public required ChallengeStatus Status { get; init; }
}

/// <summary>
/// 流榜 for a challenge no review round can cover: its window has closed and not one application passed the formal check.
/// (A challenge whose applications were reviewed becomes Unawarded when that round is final with none selected.)
/// </summary>
internal sealed class Endpoint(DbConnectionFactory db, ISender sender, Outbox outbox, AuditWriter audit) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/review/challenges/{id:guid}/unawarded");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Challenges_DeclareUnawarded", "Review",
                "无合格申报的技术需求流榜（申报期已截止、资格审查完成且无合格申报） / Declare 流榜 for a published challenge whose window closed without one eligible application")
            .Body<Request>().Ok<Response>().Problems(400, 401, 403, 404, 409).Codes(409, "review.challenge_has_eligible_applications", "review.challenge_not_closed", "review.formal_check_pending"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var challenge = await sender.Send(new GetChallengeInfo(id), ct);
        if (challenge is null)
        {
            await Send.ResultAsync(Problems.NotFound("challenge"));
            return;
        }
        if (challenge.Status != ChallengeStatus.Published || challenge.Phase != ApplicationPhase.Closed)
        {
            await Send.ResultAsync(Problems.Conflict("review.challenge_not_closed",
                $"技术需求状态为 {challenge.Status}、申报阶段为 {challenge.Phase}，须为已发布且申报期已截止",
                $"The challenge is {challenge.Status} with applications {challenge.Phase}; it must be published with its window closed"));
            return;
        }
        var counts = await sender.Send(new GetChallengeApplicationCounts(id), ct);
        if (counts.AwaitingCheck > 0)
        {
            await Send.ResultAsync(Problems.Conflict("review.formal_check_pending",
                $"尚有 {counts.AwaitingCheck} 份申报未经资格审查", $"{counts.AwaitingCheck} applications still await the formal check"));
            return;
        }
        if (counts.Eligible > 0)
        {
            await Send.ResultAsync(Problems.Conflict("review.challenge_has_eligible_applications",
                $"该技术需求有 {counts.Eligible} 份合格申报，须经揭榜论证", $"The challenge has {counts.Eligible} eligible applications; they go through application review"));
            return;
        }
        var reason = req.Reason.Trim();
        OutboxEntries sent;
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            await audit.WriteAsync(connection, tx, User.Caller(), RoundStore.Module, "Challenge", id, "DeclareUnawarded", new { challenge.Code, reason });
            // No round decided this; the challenge's own handler moves it and ignores a repeat.
            sent = await outbox.EnqueueAsync(connection, tx, new MarkChallengeUnawarded(id, Guid.Empty, $"无合格申报（流榜）：{reason} / No eligible application"));
            await tx.CommitAsync(ct);
        }
        await outbox.DispatchAsync(sent, ct);
        var after = await sender.Send(new GetChallengeInfo(id), ct);
        await Send.OkAsync(new Response { ChallengeId = id, Status = after!.Status }, ct);
    }
}
