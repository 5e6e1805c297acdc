using Jiebang.Funding.Contracts;
using Mediator;

namespace Jiebang.Funding.Integrations;

/// <summary>
/// Answers the first-cooperation question for the Applications module. Agreements are not recorded yet (the Funding
/// module's agreement slices come with its own issue), so no organisation can have one and the answer is empty.
/// </summary>
internal sealed class GetPriorAgreementsHandler : IQueryHandler<GetPriorAgreements, PriorAgreements>
{
    public ValueTask<PriorAgreements> Handle(GetPriorAgreements query, CancellationToken ct) => new(new PriorAgreements([]));
}
