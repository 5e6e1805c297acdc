using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Domain;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Feed;
using Jiebang.Platform.Messaging;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Challenges.Features.Shared;

internal enum TransitionOutcome
{
    Moved,
    AlreadyThere,
    NotFound,
    NotPermitted,
    InvalidState,
    VersionMismatch,
}

internal sealed record TransitionResult(TransitionOutcome Outcome, ChallengeStatus? From, ChallengeDetail? Detail)
{
    /// <summary>The problem response for a refusal; null when the move happened.</summary>
    public IResult? Problem(ChallengeAction action) => Outcome switch
    {
        TransitionOutcome.Moved => null,
        TransitionOutcome.NotFound => Problems.NotFound("challenge"),
        TransitionOutcome.NotPermitted => Problems.Forbidden("只有发榜企业本单位用户可以执行此操作", "Only users of the issuing organisation may do this"),
        TransitionOutcome.VersionMismatch => Problems.VersionMismatch(),
        _ => Problems.Conflict("challenge.invalid_transition",
            $"当前状态（{From}）不允许执行“{action}”操作", $"A challenge in state {From} cannot {action}"),
    };
}

/// <summary>Moves a challenge through its lifecycle: one transaction with the version check and the audit record.</summary>
internal sealed class ChallengeTransitions(DbConnectionFactory db, AuditWriter audit, FeedWriter feed, Outbox outbox, TimeProvider clock)
{
    private static readonly HashSet<ChallengeStatus> PublicAfter =
        [ChallengeStatus.Awarded, ChallengeStatus.Unawarded, ChallengeStatus.Completed, ChallengeStatus.Terminated];

    private const string Update = """
        UPDATE challenges_challenge
        SET status = @To, status_reason = @Reason, updated_at = @Now, version = version + 1,
            submitted_at = CASE WHEN @IsSubmit = 1 THEN @Now ELSE submitted_at END,
            published_at = CASE WHEN @IsPublish = 1 THEN @Now ELSE published_at END
        WHERE id = @Id AND version = @Version
        """;

    /// <param name="notify">Notifications the move causes; written to the outbox with it and delivered after commit.</param>
    public async Task<TransitionResult> ApplyAsync(Guid id, ChallengeAction action, Caller actor, Func<ChallengeRow, bool> mayAct,
        int? expectedVersion, string? reason, CancellationToken ct, Func<ChallengeDetail, IMessage[]>? notify = null)
    {
        // Delivered once the transaction's connection is back in the pool: the handlers open their own.
        var (result, sent) = await MoveAsync(id, action, actor, mayAct, expectedVersion, reason, notify, ct);
        await outbox.DispatchAsync(sent, ct);
        return result;
    }

    private async Task<(TransitionResult, OutboxEntries)> MoveAsync(Guid id, ChallengeAction action, Caller actor, Func<ChallengeRow, bool> mayAct,
        int? expectedVersion, string? reason, Func<ChallengeDetail, IMessage[]>? notify, CancellationToken ct)
    {
        var none = OutboxEntries.None;
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var row = await ChallengeStore.LoadAsync(connection, id, tx);
            if (row is null || !(actor.IsSystem || row.IsVisibleTo(actor)))
            {
                return (new(TransitionOutcome.NotFound, null, null), none);
            }
            if (!mayAct(row))
            {
                return (new(TransitionOutcome.NotPermitted, row.Status, null), none);
            }
            if (expectedVersion is { } v && v != row.Version)
            {
                return (new(TransitionOutcome.VersionMismatch, row.Status, null), none);
            }
            if (!ChallengeLifecycle.TryMove(row.Status, action, out var to))
            {
                return (row.Status == ChallengeLifecycle.TargetOf(action)
                    ? new(TransitionOutcome.AlreadyThere, row.Status, null)
                    : new(TransitionOutcome.InvalidState, row.Status, null), none);
            }
            var now = clock.GetUtcNow();
            var changed = await connection.ExecuteAsync(Update, new
            {
                Id = id, To = to.ToString(), Reason = reason, Now = now, row.Version,
                IsSubmit = action == ChallengeAction.Submit ? 1 : 0,
                IsPublish = action == ChallengeAction.Publish ? 1 : 0,
            }, tx);
            if (changed == 0)
            {
                return (new(TransitionOutcome.VersionMismatch, row.Status, null), none);
            }
            await audit.WriteAsync(connection, tx, actor, ChallengeStore.Module, ChallengeStore.Entity, id, action.ToString(),
                new { from = row.Status.ToString(), to = to.ToString(), reason });
            var detail = await ChallengeStore.DetailAsync(connection, id, now, tx);
            if (PublicAfter.Contains(to))
            {
                // Once published a challenge is public, so is what becomes of it (awarded, 流榜, completed, terminated).
                await feed.AppendAsync(connection, tx, new FeedEvent(FeedTypes.ChallengeStatusChanged, "challenge", id, FeedAudience.Everyone,
                    new Dictionary<string, string> { ["code"] = row.Code, ["title"] = row.Title, ["from"] = row.Status.ToString(), ["status"] = to.ToString() }));
            }
            var sent = notify is null ? none : await outbox.EnqueueAsync(connection, tx, notify(detail!));
            await tx.CommitAsync(ct);
            return (new(TransitionOutcome.Moved, row.Status, detail), sent);
        }
    }
}
