using Mediator;

namespace Jiebang.Funding.Contracts;

/// <summary>
/// Has an R&amp;D agreement already been recorded between the issuer and any of these organisations?
/// (揭榜单位与发榜企业应为首次实质研发合作.)
/// </summary>
public sealed record GetPriorAgreements(Guid IssuerOrganisationId, IReadOnlyList<Guid> OrganisationIds) : IQuery<PriorAgreements>;

/// <summary>The organisations among those asked that already have an agreement with the issuer; empty when none.</summary>
public sealed record PriorAgreements(IReadOnlyList<Guid> OrganisationIds);
