using System.Data.Common;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Messaging;
using Jiebang.Review.Contracts;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Review.Features.Shared;

/// <summary>
/// What a round step decided: a refusal (nothing written), or the audit summary and the notifications to other modules,
/// written to the outbox with the move and delivered after commit.
/// </summary>
internal sealed record RoundStep(IResult? Refusal, object? Summary, IReadOnlyList<IMessage>? Notifications = null)
{
    public static RoundStep Refuse(IResult problem) => new(problem, null);
}

/// <summary>
/// The shape every step of a round's lifecycle shares: load the round (404), check its state (409), let the slice check
/// and move it in one transaction with its audit record, then answer with the round. The slice says which state it
/// starts from and what it checks.
/// </summary>
internal abstract class RoundTransitionEndpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock, Outbox outbox) : EndpointWithoutRequest<ReviewRound>
{
    protected abstract ReviewRoundStatus From { get; }

    /// <summary>The action as named in the Chinese state error and in the audit log.</summary>
    protected abstract (string Zh, string Audit) Action { get; }

    /// <summary>Checks beyond the state and moves the round; false from RoundStore.MoveAsync means a concurrent change.</summary>
    protected abstract Task<RoundStep> StepAsync(DbConnection connection, DbTransaction tx, RoundRow round, DateTimeOffset now);

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        ReviewRound view;
        RoundStep step;
        OutboxEntries sent;
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            await RoundStore.LockAsync(connection, tx, db.Dialect, id);
            var round = await RoundStore.LoadAsync(connection, id, tx);
            if (round is null)
            {
                await Send.ResultAsync(Problems.NotFound("round"));
                return;
            }
            if (round.Status != From)
            {
                await Send.ResultAsync(RoundStore.InvalidState(round.Status, Action.Zh));
                return;
            }
            step = await StepAsync(connection, tx, round, clock.GetUtcNow());
            if (step.Refusal is not null)
            {
                await Send.ResultAsync(step.Refusal);
                return;
            }
            await audit.WriteAsync(connection, tx, User.Caller(), RoundStore.Module, RoundStore.Entity, id, Action.Audit, step.Summary);
            view = await RoundStore.ViewAsync(connection, (await RoundStore.LoadAsync(connection, id, tx))!, tx);
            sent = await outbox.EnqueueAsync(connection, tx, [.. step.Notifications ?? []]);
            await tx.CommitAsync(ct);
        }
        await outbox.DispatchAsync(sent, ct);
        HttpContext.Response.Headers.ETag = Versioning.ETag(view.Version);
        await Send.OkAsync(view, ct);
    }
}
