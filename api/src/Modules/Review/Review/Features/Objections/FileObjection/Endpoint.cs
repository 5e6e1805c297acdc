using FastEndpoints;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Data;
using Jiebang.Review.Domain;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Review.Features.Objections.FileObjection;

internal sealed class Endpoint(WritePath writes, ReviewOptions options) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/objections");
        Roles(Platform.Auth.Roles.Issuer, Platform.Auth.Roles.Applicant);
        Description(b => b.Api("Rounds_FileObjection", "Review", "公示期内当事方提出异议 / A party files an objection during the publication period")
            .Body<Request>().Ok<Response>(201).Problems(400, 401, 403, 404, 409)
            .Codes(409, "review.objection_period_closed", "review.round_invalid_state", "review.objection_limit_reached"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var roundId = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var caller = w.Caller;
            await RoundStore.LockAsync(w.Connection, w.Transaction, w.Dialect, roundId);
            // Only the parties of an item (issuer, lead, consortium members) see it at all.
            var found = await RoundStore.ItemAsync(w.Connection, roundId, req.ItemId, w.Transaction);
            Write.Require(found is var (r, i) && i.IsParty(caller.OrganisationId) && RoundLifecycle.IsPublished(r.Status), Problems.NotFound("item"));
            var round = found!.Round;
            Write.Require(round.Status == ReviewRoundStatus.Publicised && !(w.Now >= round.ObjectionsCloseAt),
                Problems.Conflict("review.objection_period_closed", "异议期已结束", "The objection period has ended"));
            // Each open objection holds finalisation back until it is resolved: one party may not stack them without end.
            // The round's lock above makes the count and the insert one step for concurrent filings.
            var open = await w.ExecuteScalarAsync<int>(Data.CountOpen, new { RoundId = roundId, req.ItemId, caller.OrganisationId });
            Write.Require(open < options.MaxOpenObjectionsPerItem, Problems.Conflict("review.objection_limit_reached",
                $"本单位对该评审对象已有{open}条未处理的异议，达到上限；请待工作专班处理后再提出",
                $"Your organisation already has {open} unresolved objections on this item, the most allowed; file another once one is resolved"));
            var id = Guid.CreateVersion7();
            await w.ExecuteAsync(Data.Insert, new { Id = id, RoundId = roundId, req.ItemId, caller.OrganisationId, Reason = req.Reason.Trim(), w.Now });
            await w.AuditAsync(RoundStore.Module, "Objection", id, "File", new { roundId, req.ItemId, reason = req.Reason });
            return new WriteAnswer(StatusCodes.Status201Created, new Response { Id = id, ItemId = req.ItemId, Status = ObjectionStatus.Open });
        }, ct));
    }
}
