using Jiebang.Funding.Contracts;
using Jiebang.Funding.Data;
using Jiebang.Platform.Database;
using Mediator;

namespace Jiebang.Funding.Integrations;

/// <summary>
/// Answers the first-cooperation question for the Applications module from the recorded agreements: which of these
/// organisations is already a party to an agreement with the issuer (whatever became of that agreement).
/// </summary>
internal sealed class GetPriorAgreementsHandler(DbConnectionFactory db) : IQueryHandler<GetPriorAgreements, PriorAgreements>
{
    public async ValueTask<PriorAgreements> Handle(GetPriorAgreements query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var partners = await AgreementStore.PriorPartnersAsync(connection, query.IssuerOrganisationId);
        return new PriorAgreements(query.OrganisationIds.Where(partners.Contains).Distinct().ToList());
    }
}
