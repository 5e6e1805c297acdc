using FastEndpoints;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Feed;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Challenges.Features.Batches.PublishBatch;

internal sealed class Endpoint(WritePath writes) : EndpointWithoutRequest<Batch>
{
    public override void Configure()
    {
        Post("/api/v1/batches/{id:guid}/publish");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Batches_Publish", "Challenges",
                "发布榜单批次及其已通过的技术需求 / Publish a batch with its approved challenges")
            .IfMatch(required: false).Ok<Batch>().ETag().Problems(401, 403, 404, 409, 412)
            .Codes(409, "batch.already_published", "batch.nothing_to_publish", "batch.window_in_past"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Optional), async w =>
        {
            var row = Write.Found(await BatchStore.GetAsync(w.Connection, id, w.Transaction), "batch");
            w.Matches(row.Version);
            Write.Require(row.Status == BatchStatus.Draft, Problems.Conflict("batch.already_published", "该批次已发布", "The batch is already published"));
            Write.Require(row.ClosesAt > w.Now, Problems.Conflict("batch.window_in_past",
                "申报截止日期已过，请先修改申报期", "The application window has already closed; change it before publishing"));
            var published = await ChallengeStore.IdsInBatchAsync(w.Connection, id, ChallengeStatus.Approved, w.Transaction);
            Write.Require(published.Count > 0, Problems.Conflict("batch.nothing_to_publish",
                "该批次没有已通过论证的技术需求", "The batch has no approved challenges to publish"));
            var args = new
            {
                Id = id, row.Version, w.Now, Draft = nameof(BatchStatus.Draft), Published = nameof(ChallengeStatus.Published),
                Approved = nameof(ChallengeStatus.Approved),
            };
            Write.Changed(await w.ExecuteAsync(Data.PublishBatch, args));
            await w.ExecuteAsync(Data.PublishChallenges, args);
            await w.AuditAsync(ChallengeStore.Module, BatchStore.Entity, id, "Publish", new { challenges = published.Count });
            foreach (var challengeId in published)
            {
                await w.AuditAsync(ChallengeStore.Module, ChallengeStore.Entity, challengeId, "Publish",
                    new { from = nameof(ChallengeStatus.Approved), to = nameof(ChallengeStatus.Published), batch = row.Code });
            }
            var batch = (await BatchStore.GetAsync(w.Connection, id, w.Transaction))!.ToBatch(w.Now);
            var feedRows = await w.QueryAsync<PublishedChallenge>(Data.PublishedForFeed, new { Id = id, Published = nameof(ChallengeStatus.Published) });
            await w.FeedAsync(feedRows.Select(c => new FeedEvent(FeedTypes.ChallengePublished, "challenge", c.Id, FeedAudience.Everyone,
                new Dictionary<string, string>
                {
                    ["code"] = c.Code, ["title"] = c.Title, ["field"] = c.Field, ["batch"] = row.Code,
                    ["status"] = nameof(ChallengeStatus.Published),
                })).ToList());
            return Write.Ok(batch, batch.Version);
        }, ct));
    }
}
