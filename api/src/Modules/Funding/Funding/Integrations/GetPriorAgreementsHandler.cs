using Dapper;
using Jiebang.Funding.Contracts;
using Jiebang.Funding.Features.Shared;
using Jiebang.Platform.Database;
using Mediator;

namespace Jiebang.Funding.Integrations;

/// <summary>
/// Answers the first-cooperation question for the Applications module from the recorded agreements: which of these
/// organisations is already a party to an agreement with the issuer (whatever became of that agreement).
/// </summary>
internal sealed class GetPriorAgreementsHandler(DbConnectionFactory db) : IQueryHandler<GetPriorAgreements, PriorAgreements>
{
    private const string Partners = """
        SELECT DISTINCT organisation_id FROM funding_party WHERE issuer_organisation_id = @IssuerId AND role <> @IssuerRole
        """;

    public async ValueTask<PriorAgreements> Handle(GetPriorAgreements query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var partners = (await connection.QueryAsync<Guid>(Partners,
            new { IssuerId = query.IssuerOrganisationId, IssuerRole = nameof(PartyRole.Issuer) })).ToHashSet();
        return new PriorAgreements(query.OrganisationIds.Where(partners.Contains).Distinct().ToList());
    }
}
