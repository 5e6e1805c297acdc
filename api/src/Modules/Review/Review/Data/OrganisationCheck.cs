using Jiebang.Platform.Errors;
using Jiebang.Platform.Organisations;
using Jiebang.Platform.Writes;
using Jiebang.Review.Views;

namespace Jiebang.Review.Data;

/// <summary>Checks that the organisations an expert names are registered; asked before any write transaction opens.</summary>
internal static class OrganisationCheck
{
    /// <summary>Refuses (400) the first organisation that is not registered.</summary>
    public static async Task RequireKnownAsync(OrganisationStore organisations, Guid? affiliation, IEnumerable<Guid> conflicts,
        IEnumerable<PersonConflict> people, CancellationToken ct)
    {
        if (affiliation is { } a && await organisations.FindAsync(a, ct) is null)
        {
            throw Write.Refuse(Problems.Validation("affiliationOrganisationId", "未登记的主体", "The organisation is not registered"));
        }
        foreach (var id in conflicts.Distinct())
        {
            if (await organisations.FindAsync(id, ct) is null)
            {
                throw Write.Refuse(Problems.Validation("declaredConflicts", $"未登记的主体 {id}", $"The organisation {id} is not registered"));
            }
        }
        foreach (var id in people.Select(p => p.OrganisationId).OfType<Guid>().Distinct())
        {
            if (await organisations.FindAsync(id, ct) is null)
            {
                throw Write.Refuse(Problems.Validation("declaredPersonConflicts", $"未登记的主体 {id}", $"The organisation {id} is not registered"));
            }
        }
    }
}
