using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Data;
using Jiebang.Review.Domain;
using Jiebang.Review.Views;
using Jiebang.Platform.Feed;

namespace Jiebang.Review.Features.Rounds.PubliciseRound;

internal sealed class Endpoint(WritePath writes, ReviewOptions options) : EndpointWithoutRequest<ReviewRound>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/publicise");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Publicise", "Review", "公示论证决定，开始异议期 / Publicise the decisions and open the objection period")
            .Ok<ReviewRound>().ETag().Problems(401, 403, 404, 409).Codes(409, "review.round_invalid_state", "review.concurrent_change"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var step = RoundLifecycle.Publicise;
            var round = await RoundStore.LockedAsync(w, id);
            step.RequireFrom(round.Status);
            var until = w.Now.AddDays(options.ObjectionDays);
            Write.Require(await w.ExecuteAsync(Data.Publicise, new
            {
                round.Id, From = step.From.ToString(), To = step.To.ToString(), w.Now, Until = until,
            }) == 1, RoundStore.ChangedConcurrently());
            // The publication is for the issuer and applicant users of the round's parties, as GET .../publication is: no district key.
            var parties = await RoundStore.PartiesAsync(w, id);
            await w.FeedAsync(new FeedEvent(FeedTypes.ReviewRoundPublicised, "review_round", id,
                FeedAudience.Of(parties, Platform.Auth.Roles.Issuer, Platform.Auth.Roles.Applicant),
                new Dictionary<string, string>
                {
                    ["name"] = round.Name, ["kind"] = round.Kind.ToString(), ["objectionsCloseAt"] = until.ToString("O"),
                }));
            await w.AuditAsync(RoundStore.Module, RoundStore.Entity, id, step.Audit, new { objectionsCloseAt = until, days = options.ObjectionDays });
            await w.PublishAsync(new RoundPublicised(id, round.Kind, until));
            return await RoundStore.AnswerAsync(w, id);
        }, ct));
    }
}
