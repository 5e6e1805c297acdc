using Dapper;
using FastEndpoints;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Features.ListBatches;
using Jiebang.Challenges.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Feed;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Messaging;
using Mediator;

namespace Jiebang.Challenges.Features.PublishBatch;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, FeedWriter feed, TimeProvider clock) : EndpointWithoutRequest<Batch>
{
    public override void Configure()
    {
        Post("/api/v1/batches/{id:guid}/publish");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Batches_Publish", "Challenges",
                "发布榜单批次及其已通过的技术需求 / Publish a batch with its approved challenges")
            .IfMatch(required: false).Ok<Batch>().ETag().Problems(401, 403, 404, 409, 412).Codes(409, "batch.already_published", "batch.nothing_to_publish", "batch.window_in_past"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var expected = Versioning.Parse(HttpContext.Request.Headers.IfMatch);
        var now = clock.GetUtcNow();
        var (connection, tx) = await db.BeginAsync(ct);
        List<Guid> published;
        Batch batch;
        await using (connection)
        await using (tx)
        {
            var row = await BatchQueries.GetAsync(connection, id, tx);
            if (row is null)
            {
                await Send.ResultAsync(Problems.NotFound("batch"));
                return;
            }
            if (expected is { } v && v != row.Version)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            if (row.Status != BatchStatus.Draft)
            {
                await Send.ResultAsync(Problems.Conflict("batch.already_published", "该批次已发布", "The batch is already published"));
                return;
            }
            if (row.ClosesAt <= now)
            {
                await Send.ResultAsync(Problems.Conflict("batch.window_in_past",
                    "申报截止日期已过，请先修改申报期", "The application window has already closed; change it before publishing"));
                return;
            }
            published = (await connection.QueryAsync<Guid>(Data.Approved, new { Id = id, Approved = nameof(ChallengeStatus.Approved) }, tx)).AsList();
            if (published.Count == 0)
            {
                await Send.ResultAsync(Problems.Conflict("batch.nothing_to_publish",
                    "该批次没有已通过论证的技术需求", "The batch has no approved challenges to publish"));
                return;
            }
            var args = new
            {
                Id = id, row.Version, Now = now, Draft = nameof(BatchStatus.Draft), Published = nameof(ChallengeStatus.Published),
                Approved = nameof(ChallengeStatus.Approved),
            };
            if (await connection.ExecuteAsync(Data.PublishBatch, args, tx) == 0)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            await connection.ExecuteAsync(Data.PublishChallenges, args, tx);
            var caller = User.Caller();
            await audit.WriteAsync(connection, tx, caller, ChallengeStore.Module, "Batch", id, "Publish", new { challenges = published.Count });
            foreach (var challengeId in published)
            {
                await audit.WriteAsync(connection, tx, caller, ChallengeStore.Module, ChallengeStore.Entity, challengeId, "Publish",
                    new { from = nameof(ChallengeStatus.Approved), to = nameof(ChallengeStatus.Published), batch = row.Code });
            }
            batch = (await BatchQueries.GetAsync(connection, id, tx))!.ToBatch(now);
            var feedRows = await connection.QueryAsync<PublishedChallenge>(Data.PublishedForFeed,
                new { Id = id, Published = nameof(ChallengeStatus.Published) }, tx);
            await feed.AppendAsync(connection, tx, feedRows.Select(c => new FeedEvent(FeedTypes.ChallengePublished, "challenge", c.Id, FeedAudience.Everyone,
                new Dictionary<string, string>
                {
                    ["code"] = c.Code, ["title"] = c.Title, ["field"] = c.Field, ["batch"] = row.Code,
                    ["status"] = nameof(ChallengeStatus.Published),
                })).ToList());
            await tx.CommitAsync(ct);
        }
        HttpContext.Response.Headers.ETag = Versioning.ETag(batch.Version);
        await Send.OkAsync(batch, ct);
    }
}
