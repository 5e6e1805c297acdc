using System.Data.Common;
using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Contracts;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.PubliciseRound;

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock, ReviewOptions options) : RoundTransitionEndpoint(db, audit, clock)
{
    private const string Publicise = """
        UPDATE review_round SET status = @To, publicised_at = @Now, objections_close_at = @Until, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = @From
        """;

    public override void Configure()
    {
        Post("/api/v1/review/rounds/{id:guid}/publicise");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Rounds_Publicise", "Review", "公示论证决定，开始异议期 / Publicise the decisions and open the objection period")
            .Ok<ReviewRound>().Problems(401, 403, 404, 409), clearDefaults: true);
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
        return moved
            ? new RoundStep(null, new { objectionsCloseAt = until, days = options.ObjectionDays })
            : RoundStep.Refuse(RoundStore.ChangedConcurrently());
    }
}
