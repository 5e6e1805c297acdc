using Jiebang.Challenges.Contracts;

namespace Jiebang.Review.Domain;

/// <summary>
/// A person, named without any identity-card number: the name and, when known, the organisation. Names compare
/// without white space and case. When either side gives no organisation the name alone decides, so a doubtful
/// match keeps the expert off the item rather than on it.
/// </summary>
internal sealed record PersonRef(string Name, Guid? OrganisationId)
{
    public string Key { get; } = Normalise(Name);

    public static string Normalise(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    public bool Matches(PersonRef other) =>
        Key.Length > 0 && Key == other.Key && (OrganisationId is null || other.OrganisationId is null || OrganisationId == other.OrganisationId);
}

/// <summary>
/// An item that needs experts: its field, the organisations and people no assigned expert may be tied to (issuer,
/// lead, consortium members; the project lead and team), and who was already on it.
/// </summary>
internal sealed record AssignmentItem(Guid ItemId, ChallengeField Field, IReadOnlySet<Guid> ConflictOrganisations,
    IReadOnlySet<Guid> ExcludedExperts, int Needed, IReadOnlyList<PersonRef> People);

/// <summary>An active expert with its fields, affiliation, declared conflicts (organisations and people) and current load in the round.</summary>
internal sealed record PoolExpert(Guid ExpertId, IReadOnlySet<ChallengeField> Fields, Guid? AffiliationOrganisationId,
    IReadOnlySet<Guid> DeclaredConflicts, int Load, IReadOnlyList<PersonRef> DeclaredPeople)
{
    public bool IsConflictedWith(IReadOnlySet<Guid> organisations, IReadOnlyList<PersonRef> people) =>
        (AffiliationOrganisationId is { } own && organisations.Contains(own)) || DeclaredConflicts.Overlaps(organisations)
        || DeclaredPeople.Any(d => people.Any(d.Matches));

    public bool IsConflictedWith(AssignmentItem item) => IsConflictedWith(item.ConflictOrganisations, item.People);
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
            e.Fields.Contains(item.Field) && !e.IsConflictedWith(item) && !item.ExcludedExperts.Contains(e.ExpertId);

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

    /// <summary>Why an item lacks experts now: the same numbers the planner reports, for the task force's board.</summary>
    public static ShortItem Explain(AssignmentItem item, IReadOnlyList<PoolExpert> experts, int maxLoad)
    {
        var load = experts.ToDictionary(e => e.ExpertId, e => e.Load);
        var available = experts.Count(e => e.Fields.Contains(item.Field) && !e.IsConflictedWith(item) && !item.ExcludedExperts.Contains(e.ExpertId)
            && load[e.ExpertId] < maxLoad);
        return Describe(item, experts, load, maxLoad, available);
    }

    private static ShortItem Describe(AssignmentItem item, IReadOnlyList<PoolExpert> experts, Dictionary<Guid, int> load, int maxLoad, int available)
    {
        var inField = experts.Where(e => e.Fields.Contains(item.Field) && !item.ExcludedExperts.Contains(e.ExpertId)).ToList();
        var conflicted = inField.Count(e => e.IsConflictedWith(item));
        var full = inField.Count(e => !e.IsConflictedWith(item) && load[e.ExpertId] >= maxLoad);
        var reason = $"需要 {item.Needed} 名专家，仅有 {available} 名可用（同领域 {inField.Count} 名，其中有利益冲突 {conflicted} 名、已达评审上限 {full} 名） / " +
                     $"{item.Needed} experts needed, {available} available ({inField.Count} in the field, {conflicted} conflicted, {full} at the maximum load)";
        return new ShortItem(item.ItemId, item.Needed, available, inField.Count, conflicted, full, reason);
    }
}
