using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Applications.Contracts;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Features.Shared;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Review.Features.AddItem;

internal sealed class Request
{
    /// <summary>The challenge (need review) or the application (application review) to review.</summary>
    public Guid SubjectId { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.SubjectId).NotEqual(Guid.Empty);
}

internal sealed class Endpoint(DbConnectionFactory db, IMediator mediator, AuditWriter audit, TimeProvider clock) : Endpoint<Request, ReviewRound>
{
    private const string Exists = "SELECT COUNT(*) FROM review_item WHERE round_id = @RoundId AND subject_id = @SubjectId";

    private const string Insert = """
        INSERT INTO review_item (id, round_id, subject_id, subject_code, title, field, issuer_organisation_id, conflict_organisations,
            conflict_people, challenge_id, passed, added_at)
        VALUES (@Id, @RoundId, @SubjectId, @SubjectCode, @Title, @Field, @IssuerOrganisationId, @ConflictOrganisations,
            @ConflictPeople, @ChallengeId, NULL, @Now)
        """;

    private const string Touch = "UPDATE review_round SET updated_at = @Now, version = version + 1 WHERE id = @Id AND status = @Status";

    private sealed record Subject(string Code, string Title, ChallengeField Field, Guid Issuer, IReadOnlyList<Guid> Conflicts, Guid ChallengeId,
        IReadOnlyList<PersonRef> People);

    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/items");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_AddItem", "Review",
                "加入论证对象（需求论证：论证中的技术需求；揭榜论证：资格审查通过的申报） / Add a challenge under need review or an eligible application to a round")
            .Body<Request>().Ok<ReviewRound>().ETag().Problems(400, 401, 403, 404, 409).Codes(409, "review.item_exists", "review.item_not_reviewable", "review.round_invalid_state"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var roundId = Route<Guid>("id");
        RoundRow? round;
        await using (var reader = await db.OpenAsync(ct))
        {
            round = await RoundStore.LoadAsync(reader, roundId);
        }
        if (round is null)
        {
            await Send.ResultAsync(Problems.NotFound("round"));
            return;
        }
        // Other modules are asked before the write transaction opens, so this request never holds two connections.
        var (subject, refusal) = round.Kind == ReviewRoundKind.NeedReview ? await ChallengeAsync(req.SubjectId, ct) : await ApplicationAsync(req.SubjectId, ct);
        if (refusal is not null)
        {
            await Send.ResultAsync(refusal);
            return;
        }
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            round = await RoundStore.LoadAsync(connection, roundId, tx);
            if (round!.Status is not (ReviewRoundStatus.Draft or ReviewRoundStatus.Assigning))
            {
                await Send.ResultAsync(RoundStore.InvalidState(round.Status, "加入论证对象"));
                return;
            }
            if (await connection.ExecuteScalarAsync<int>(Exists, new { RoundId = roundId, req.SubjectId }, tx) > 0)
            {
                await Send.ResultAsync(Problems.Conflict("review.item_exists", "该对象已在本轮论证中", "The subject is already in this round"));
                return;
            }
            var now = clock.GetUtcNow();
            var itemId = Guid.CreateVersion7();
            await connection.ExecuteAsync(Insert, new
            {
                Id = itemId, RoundId = roundId, req.SubjectId, SubjectCode = subject!.Code, subject.Title, Field = subject.Field.ToString(),
                IssuerOrganisationId = subject.Issuer, ConflictOrganisations = string.Join(",", subject.Conflicts.Distinct()),
                ConflictPeople = PeopleCodec.Format(subject.People), subject.ChallengeId, Now = now,
            }, tx);
            await connection.ExecuteAsync(Touch, new { Id = roundId, Status = round.Status.ToString(), Now = now }, tx);
            await audit.WriteAsync(connection, tx, User.Caller(), RoundStore.Module, RoundStore.Entity, roundId, "AddItem",
                new { itemId, req.SubjectId, subject.Code });
            var view = await RoundStore.ViewAsync(connection, (await RoundStore.LoadAsync(connection, roundId, tx))!, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(view.Version);
            await Send.OkAsync(view, ct);
        }
    }

    private async Task<(Subject?, IResult?)> ChallengeAsync(Guid id, CancellationToken ct)
    {
        var info = await mediator.Send(new GetChallengeInfo(id), ct);
        if (info is null)
        {
            return (null, Problems.NotFound("challenge"));
        }
        if (info.Status != ChallengeStatus.UnderReview)
        {
            return (null, NotReviewable($"技术需求状态为 {info.Status}，不在需求论证中", $"The challenge is {info.Status}, not under need review"));
        }
        return (new Subject(info.Code, info.Title, info.Field, info.IssuerOrganisationId, [info.IssuerOrganisationId], info.Id, []), null);
    }

    private async Task<(Subject?, IResult?)> ApplicationAsync(Guid id, CancellationToken ct)
    {
        var summary = await mediator.Send(new GetApplicationSummary(id), ct);
        if (summary is null)
        {
            return (null, Problems.NotFound("application"));
        }
        if (summary.Eligibility != EligibilityOutcome.Eligible || summary.Status is not (ApplicationStatus.Eligible or ApplicationStatus.UnderReview))
        {
            return (null, NotReviewable($"申报状态为 {summary.Status}，未通过资格审查", $"The application is {summary.Status}, not eligible for review"));
        }
        var parties = await mediator.Send(new GetApplicationParties(id), ct);
        var challenge = await mediator.Send(new GetChallengeInfo(summary.ChallengeId), ct);
        if (parties is null || challenge is null)
        {
            return (null, Problems.NotFound("application"));
        }
        var conflicts = new List<Guid> { parties.IssuerOrganisationId, parties.LeadOrganisationId };
        conflicts.AddRange(parties.MemberOrganisationIds);
        var people = parties.People.Select(p => new PersonRef(p.Name, p.OrganisationId)).ToList();
        return (new Subject(summary.Code, $"{challenge.Title} — {summary.LeadOrganisationName}", challenge.Field, parties.IssuerOrganisationId, conflicts,
            challenge.Id, people), null);
    }

    private static IResult NotReviewable(string zh, string en) => Problems.Conflict("review.item_not_reviewable", zh, en);
}
