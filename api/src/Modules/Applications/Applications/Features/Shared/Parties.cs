using Jiebang.Applications.Domain;
using Jiebang.Funding.Contracts;
using Jiebang.Platform.Organisations;
using Mediator;

namespace Jiebang.Applications.Features.Shared;

/// <summary>Looks up the organisations of an application in the registry and asks Funding about earlier agreements.</summary>
internal sealed class Parties(OrganisationStore organisations, ISender sender)
{
    public async Task<IReadOnlyList<Party>> ResolveAsync(Guid leadOrganisationId, ApplicationContent content, CancellationToken ct)
    {
        var result = new List<Party>();
        foreach (var member in content.ConsortiumOf(leadOrganisationId))
        {
            var org = await organisations.FindAsync(member.OrganisationId, ct);
            result.Add(org is null
                ? new Party(member.OrganisationId, member.Role, member.BudgetShareBp, false, "", "", "", "", false, "", null)
                : new Party(member.OrganisationId, member.Role, member.BudgetShareBp, true, org.Name, org.CreditCode, org.Type.ToString(),
                    org.RegionCode, org.IndependentLegalPerson, org.CreditStanding.ToString(), org.CommercialisationBase));
        }
        return result;
    }

    public async Task<IReadOnlyCollection<Guid>> PriorAgreementsAsync(Guid issuer, IReadOnlyList<Party> parties, CancellationToken ct) =>
        (await sender.Send(new GetPriorAgreements(issuer, parties.Select(p => p.OrganisationId).ToList()), ct)).OrganisationIds;
}
