using FastEndpoints;
using FluentValidation;
using Jiebang.Applications.Contracts;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Data;
using Jiebang.Review.Views;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Review.Features.Rounds.AddItem;

internal sealed class Request
{
    /// <summary>The challenge (need review) or the application (application review) to review.</summary>
    public Guid SubjectId { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.SubjectId).NotEqual(Guid.Empty);
}

internal sealed class Endpoint(DbConnectionFactory db, IMediator mediator, WritePath writes) : Endpoint<Request, ReviewRound>
{
    private sealed record Subject(string Code, string Title, ChallengeField Field, Guid Issuer, IReadOnlyList<Guid> Conflicts, Guid ChallengeId,
        IReadOnlyList<PersonRef> People);

    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/items");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_AddItem", "Review",
                "加入论证对象（需求论证：论证中的技术需求；揭榜论证：资格审查通过的申报） / Add a challenge under need review or an eligible application to a round")
            .Body<Request>().Ok<ReviewRound>().ETag().Problems(400, 401, 403, 404, 409)
            .Codes(409, "review.item_exists", "review.item_not_reviewable", "review.round_invalid_state"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var roundId = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async token =>
        {
            RoundRow round;
            await using (var reader = await db.OpenAsync(token))
            {
                round = Write.Found(await RoundStore.LoadAsync(reader, roundId), "round");
            }
            // Other modules are asked before the write transaction opens, so this request never holds two connections.
            return round.Kind == ReviewRoundKind.NeedReview ? await ChallengeAsync(req.SubjectId, token) : await ApplicationAsync(req.SubjectId, token);
        }, async (w, subject) =>
        {
            var round = (await RoundStore.LoadAsync(w.Connection, roundId, w.Transaction))!;
            RoundLifecycle.Require(round.Status, RoundLifecycle.TakesItems, "加入论证对象");
            Write.Require(await w.ExecuteScalarAsync<int>(Data.Exists, new { RoundId = roundId, req.SubjectId }) == 0,
                Problems.Conflict("review.item_exists", "该对象已在本轮论证中", "The subject is already in this round"));
            var itemId = Guid.CreateVersion7();
            await w.ExecuteAsync(Data.Insert, new
            {
                Id = itemId, RoundId = roundId, req.SubjectId, SubjectCode = subject.Code, subject.Title, Field = subject.Field.ToString(),
                IssuerOrganisationId = subject.Issuer, ConflictOrganisations = string.Join(",", subject.Conflicts.Distinct()),
                ConflictPeople = PeopleCodec.Format(subject.People), subject.ChallengeId, w.Now,
            });
            await w.ExecuteAsync(Data.Touch, new { Id = roundId, Status = round.Status.ToString(), w.Now });
            await w.AuditAsync(RoundStore.Module, RoundStore.Entity, roundId, "AddItem", new { itemId, req.SubjectId, subject.Code });
            return await RoundStore.AnswerAsync(w, roundId);
        }, ct));
    }

    private async Task<Subject> ChallengeAsync(Guid id, CancellationToken ct)
    {
        var info = await mediator.Send(new GetChallengeInfo(id), ct);
        if (info is null)
        {
            throw Write.Refuse(Problems.NotFound("challenge"));
        }
        if (info.Status != ChallengeStatus.UnderReview)
        {
            throw Write.Refuse(NotReviewable($"技术需求当前为“{ChallengeStatusNames.Chinese(info.Status)}”，不在需求论证中",
                $"The challenge is {ChallengeStatusNames.English(info.Status)}, not under need review"));
        }
        return new Subject(info.Code, info.Title, info.Field, info.IssuerOrganisationId, [info.IssuerOrganisationId], info.Id, []);
    }

    private async Task<Subject> ApplicationAsync(Guid id, CancellationToken ct)
    {
        var summary = await mediator.Send(new GetApplicationSummary(id), ct);
        if (summary is null)
        {
            throw Write.Refuse(Problems.NotFound("application"));
        }
        if (summary.Eligibility != EligibilityOutcome.Eligible || summary.Status is not (ApplicationStatus.Eligible or ApplicationStatus.UnderReview))
        {
            throw Write.Refuse(NotReviewable($"申报书当前为“{ApplicationStatusNames.Chinese(summary.Status)}”，未通过形式审查",
                $"The application is {ApplicationStatusNames.English(summary.Status)}, not eligible for review"));
        }
        var parties = await mediator.Send(new GetApplicationParties(id), ct);
        var challenge = await mediator.Send(new GetChallengeInfo(summary.ChallengeId), ct);
        if (parties is null || challenge is null)
        {
            throw Write.Refuse(Problems.NotFound("application"));
        }
        var conflicts = new List<Guid> { parties.IssuerOrganisationId, parties.LeadOrganisationId };
        conflicts.AddRange(parties.MemberOrganisationIds);
        var people = parties.People.Select(p => new PersonRef(p.Name, p.OrganisationId)).ToList();
        return new Subject(summary.Code, $"{challenge.Title} — {summary.LeadOrganisationName}", challenge.Field, parties.IssuerOrganisationId, conflicts,
            challenge.Id, people);
    }

    private static IResult NotReviewable(string zh, string en) => Problems.Conflict("review.item_not_reviewable", zh, en);
}
