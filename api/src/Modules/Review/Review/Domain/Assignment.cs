using Jiebang.Challenges.Contracts;

namespace Jiebang.Review.Domain;

/// <summary>An item that needs experts: its field, the organisations no assigned expert may be tied to, and who was already on it.</summary>
internal sealed record AssignmentItem(Guid ItemId, ChallengeField Field, IReadOnlySet<Guid> ConflictOrganisations,
    IReadOnlySet<Guid> ExcludedExperts, int Needed);

/// <summary>An active expert with its fields, affiliation, declared conflicts and current load in the round.</summary>
internal sealed record PoolExpert(Guid ExpertId, IReadOnlySet<ChallengeField> Fields, Guid? AffiliationOrganisationId,
    IReadOnlySet<Guid> DeclaredConflicts, int Load)
{
    public bool IsConflictedWith(IReadOnlySet<Guid> organisations) =>
        (AffiliationOrganisationId is { } own && organisations.Contains(own)) || DeclaredConflicts.Overlaps(organisations);
}

internal sealed record Assigned(Guid ItemId, Guid ExpertId);

/// <summary>An item that could not get its count; nothing is assigned to it, and the numbers say why.</summary>
internal sealed record ShortItem(Guid ItemId, int Needed, int Available, int FieldMatches, int Conflicted, int AtMaxLoad, string Reason);

internal sealed record AssignmentPlan(IReadOnlyList<Assigned> Assignments, IReadOnlyList<ShortItem> Short);

/// <summary>
/// Automatic assignment (pure and deterministic). Items with the fewest eligible experts go first; each takes the
/// least-loaded eligible experts, ties broken by expert id. An expert is eligible for an item when its fields include
/// the item's field, it is not tied to any of the item's organisations (affiliation or declared conflict), it was not
/// on the item before and it is below the maximum load. An item that cannot get its full count gets nobody and is
/// reported short, never silently served with fewer.
/// </summary>
internal static class AssignmentPlanner
{
    public static AssignmentPlan Plan(IReadOnlyList<AssignmentItem> items, IReadOnlyList<PoolExpert> experts, int maxLoad)
    {
        var load = experts.ToDictionary(e => e.ExpertId, e => e.Load);
        var ordered = experts.OrderBy(e => e.ExpertId).ToList();
        var assignments = new List<Assigned>();
        var shortItems = new List<ShortItem>();

        bool Suitable(AssignmentItem item, PoolExpert e) =>
            e.Fields.Contains(item.Field) && !e.IsConflictedWith(item.ConflictOrganisations) && !item.ExcludedExperts.Contains(e.ExpertId);

        var queue = items.Where(i => i.Needed > 0)
            .OrderBy(i => ordered.Count(e => Suitable(i, e)))
            .ThenBy(i => i.ItemId)
            .ToList();
        foreach (var item in queue)
        {
            var candidates = ordered
                .Where(e => Suitable(item, e) && load[e.ExpertId] < maxLoad)
                .OrderBy(e => load[e.ExpertId]).ThenBy(e => e.ExpertId)
                .Take(item.Needed)
                .ToList();
            if (candidates.Count < item.Needed)
            {
                shortItems.Add(Describe(item, ordered, load, maxLoad, candidates.Count));
                continue;
            }
            foreach (var e in candidates)
            {
                load[e.ExpertId]++;
                assignments.Add(new Assigned(item.ItemId, e.ExpertId));
            }
        }
        return new AssignmentPlan(assignments, shortItems.OrderBy(s => s.ItemId).ToList());
    }

    private static ShortItem Describe(AssignmentItem item, IReadOnlyList<PoolExpert> experts, Dictionary<Guid, int> load, int maxLoad, int available)
    {
        var inField = experts.Where(e => e.Fields.Contains(item.Field) && !item.ExcludedExperts.Contains(e.ExpertId)).ToList();
        var conflicted = inField.Count(e => e.IsConflictedWith(item.ConflictOrganisations));
        var full = inField.Count(e => !e.IsConflictedWith(item.ConflictOrganisations) && load[e.ExpertId] >= maxLoad);
        var reason = $"需要 {item.Needed} 名专家，仅有 {available} 名可用（同领域 {inField.Count} 名，其中有利益冲突 {conflicted} 名、已达评审上限 {full} 名） / " +
                     $"{item.Needed} experts needed, {available} available ({inField.Count} in the field, {conflicted} conflicted, {full} at the maximum load)";
        return new ShortItem(item.ItemId, item.Needed, available, inField.Count, conflicted, full, reason);
    }
}
