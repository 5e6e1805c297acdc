using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Domain;
using Jiebang.Platform.Database;
using Mediator;

namespace Jiebang.Challenges.Integrations;

internal sealed class GetChallengeInfoHandler(DbConnectionFactory db, TimeProvider clock) : IQueryHandler<GetChallengeInfo, ChallengeInfo?>
{
    public async ValueTask<ChallengeInfo?> Handle(GetChallengeInfo query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await ChallengeStore.LoadAsync(connection, query.ChallengeId);
        if (row is null)
        {
            return null;
        }
        var indicators = await ChallengeStore.IndicatorsAsync(connection, row.Id);
        return new ChallengeInfo(row.Id, row.Code, row.Title, row.Field, row.BatchId, row.OrganisationId, row.OrganisationName,
            row.Status, row.OpensAt, row.ClosesAt, ApplicationWindow.PhaseAt(row.OpensAt, row.ClosesAt, clock.GetUtcNow()),
            indicators.Select(i => new IndicatorInfo(i.Id, i.Ordinal, i.Name, i.Target, i.Unit)).ToList());
    }
}
