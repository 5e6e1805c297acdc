using System.Data.Common;
using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Rounds.GetPublication;

internal sealed class PublishedDecision
{
    public required Guid ItemId { get; init; }
    public required Guid SubjectId { get; init; }
    public required string SubjectCode { get; init; }
    public required ReviewDecisionOutcome Outcome { get; init; }
    public required string Reason { get; init; }
}

internal sealed class Response
{
    public required Guid RoundId { get; init; }
    public required ReviewRoundKind Kind { get; init; }
    public required ReviewRoundStatus Status { get; init; }
    public DateTimeOffset? PublicisedAt { get; init; }
    public DateTimeOffset? ObjectionsCloseAt { get; init; }
    public required List<PublishedDecision> Decisions { get; init; }
}

internal sealed class Endpoint(DbConnectionFactory db) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/v1/review/rounds/{id:guid}/publication");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor, Platform.Auth.Roles.Issuer, Platform.Auth.Roles.Applicant);
        Description(b => b.Api("Rounds_Publication", "Review", "公示名单（当事方可见） / The publicised decisions, visible to the parties of the round")
            .Ok<Response>().Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var caller = User.Caller();
        await using var connection = await db.OpenAsync(ct);
        var round = await RoundStore.LoadAsync(connection, Route<Guid>("id"));
        var visible = round is not null && RoundLifecycle.IsPublished(round.Status)
            && (caller.ReadsEverything || (caller.OrganisationId is { } org && await RoundStore.IsPartyAsync(connection, round.Id, org)));
        if (!visible)
        {
            await Send.ResultAsync(Problems.NotFound("round"));
        }
        else
        {
            await Send.OkAsync(await ViewAsync(connection, round!), ct);
        }
    }

    private static async Task<Response> ViewAsync(DbConnection connection, RoundRow round)
    {
        var decisions = await DecisionStore.ForRoundAsync(connection, round.Id);
        return new Response
        {
            RoundId = round.Id, Kind = round.Kind, Status = round.Status, PublicisedAt = round.PublicisedAt, ObjectionsCloseAt = round.ObjectionsCloseAt,
            Decisions = decisions.Select(d => new PublishedDecision
            {
                ItemId = d.ItemId, SubjectId = d.SubjectId, SubjectCode = d.SubjectCode, Outcome = d.Outcome, Reason = d.Reason,
            }).ToList(),
        };
    }
}
