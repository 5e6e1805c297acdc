using Jiebang.Applications.Domain;
using Jiebang.Funding.Contracts;
using Jiebang.Platform.Organisations;
using Mediator;

namespace Jiebang.Applications.Services;

/// <summary>Looks up the organisations of an application in the registry and asks Funding about earlier agreements.</summary>
internal sealed class Parties(OrganisationStore organisations, ISender sender)
{
    /// <summary>
    /// The parties the rules judge: the consortium as written, and always the organisation that controls the application
    /// (its lead). When the members leave it out, it is judged as an extra party with no share, so the consortium rule
    /// fails too: nobody passes the rules by naming another unit as lead.
    /// </summary>
    public async Task<IReadOnlyList<Party>> ResolveAsync(Guid leadOrganisationId, ApplicationContent content, CancellationToken ct)
    {
        var result = new List<Party>();
        var consortium = content.ConsortiumOf(leadOrganisationId).ToList();
        if (consortium.All(m => m.OrganisationId != leadOrganisationId))
        {
            consortium.Add(new MemberInput { OrganisationId = leadOrganisationId, Role = ConsortiumRole.Lead, BudgetShareBp = 0 });
        }
        foreach (var member in consortium)
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
