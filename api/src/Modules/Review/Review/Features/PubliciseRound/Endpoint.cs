using Jiebang.Platform.Feed;
using System.Data.Common;
using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Messaging;
using Jiebang.Review.Contracts;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.PubliciseRound;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, FeedWriter feed, TimeProvider clock, ReviewOptions options, Outbox outbox) : RoundTransitionEndpoint(db, audit, clock, outbox)
{
    private const string Publicise = """
        UPDATE review_round SET status = @To, publicised_at = @Now, objections_close_at = @Until, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = @From
        """;

    private const string Parties = "SELECT issuer_organisation_id AS IssuerOrganisationId, conflict_organisations AS ConflictOrganisations FROM review_item WHERE round_id = @Id";

    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/publicise");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Publicise", "Review", "公示论证决定，开始异议期 / Publicise the decisions and open the objection period")
            .Ok<ReviewRound>().ETag().Problems(401, 403, 404, 409).Codes(409, "review.round_invalid_state", "review.concurrent_change"), clearDefaults: true);
    }

    protected override ReviewRoundStatus From => ReviewRoundStatus.Decided;

    protected override (string Zh, string Audit) Action => ("公示", "Publicise");

    protected override async Task<RoundStep> StepAsync(DbConnection connection, DbTransaction tx, RoundRow round, DateTimeOffset now)
    {
        var until = now.AddDays(options.ObjectionDays);
        var moved = await connection.ExecuteAsync(Publicise, new
        {
            round.Id, From = nameof(ReviewRoundStatus.Decided), To = nameof(ReviewRoundStatus.Publicised), Now = now, Until = until,
        }, tx) == 1;
        if (!moved)
        {
            return RoundStep.Refuse(RoundStore.ChangedConcurrently());
        }
        // The publication is for the issuer and applicant users of the round's parties, as GET .../publication is: no district key.
        var parties = (await connection.QueryAsync<PartyRow>(Parties, new { round.Id }, tx))
            .SelectMany(p => p.ConflictOrganisations.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).Append(p.IssuerOrganisationId))
            .Distinct().ToList();
        await feed.AppendAsync(connection, tx, new FeedEvent(FeedTypes.ReviewRoundPublicised, "review_round", round.Id,
            FeedAudience.Of(parties, Platform.Auth.Roles.Issuer, Platform.Auth.Roles.Applicant),
            new Dictionary<string, string>
            {
                ["name"] = round.Name, ["kind"] = round.Kind.ToString(), ["objectionsCloseAt"] = until.ToString("O"),
            }));
        return new RoundStep(null, new { objectionsCloseAt = until, days = options.ObjectionDays });
    }
}

internal sealed class PartyRow
{
    public Guid IssuerOrganisationId { get; set; }
    public string ConflictOrganisations { get; set; } = "";
}
