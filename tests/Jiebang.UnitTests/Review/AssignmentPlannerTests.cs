using Jiebang.Challenges.Contracts;
using Jiebang.Review.Domain;

namespace Jiebang.UnitTests.Review;

public sealed class AssignmentPlannerTests
{
    private static readonly ChallengeField[] AllFields = Enum.GetValues<ChallengeField>();

    private static Guid G(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>A random call: organisations, consortia of issuer + lead + members, experts tied to some of them.</summary>
    private static (List<AssignmentItem> Items, List<PoolExpert> Experts) Pool(int seed, int organisations, int experts, int items, int maxInitialLoad)
    {
        var random = new Random(seed);
        var orgs = Enumerable.Range(0, organisations).Select(_ => G(random)).ToList();
        Guid AnyOrg() => orgs[random.Next(orgs.Count)];
        var pool = Enumerable.Range(0, experts).Select(_ => new PoolExpert(
            G(random),
            Enumerable.Range(0, random.Next(1, 4)).Select(_ => AllFields[random.Next(AllFields.Length)]).ToHashSet(),
            random.Next(10) < 8 ? AnyOrg() : null,
            Enumerable.Range(0, random.Next(0, 4)).Select(_ => AnyOrg()).ToHashSet(),
            random.Next(0, maxInitialLoad + 1))).ToList();
        var list = Enumerable.Range(0, items).Select(_ =>
        {
            var parties = Enumerable.Range(0, random.Next(2, 6)).Select(_ => AnyOrg()).ToHashSet();
            var excluded = random.Next(10) == 0 ? new HashSet<Guid> { pool[random.Next(pool.Count)].ExpertId } : [];
            return new AssignmentItem(G(random), AllFields[random.Next(AllFields.Length)], parties, excluded, random.Next(10) == 0 ? random.Next(1, 3) : 5);
        }).ToList();
        return (list, pool);
    }

    public static TheoryData<int, int, int, int, int> Pools() => new()
    {
        { 1, 300, 400, 150, 4 },
        { 7, 200, 300, 200, 3 },
        { 42, 500, 600, 120, 6 },
        { 2026, 100, 250, 250, 5 },
        { 9001, 50, 150, 100, 8 },
        { 31337, 400, 120, 80, 4 },
    };

    [Theory]
    [MemberData(nameof(Pools))]
    public void No_conflicted_expert_is_ever_assigned_every_item_gets_its_count_or_is_short_and_no_expert_exceeds_the_load(
        int seed, int organisations, int experts, int items, int maxLoad)
    {
        var (list, pool) = Pool(seed, organisations, experts, items, maxLoad - 1);
        var plan = AssignmentPlanner.Plan(list, pool, maxLoad);
        var byId = pool.ToDictionary(e => e.ExpertId);

        foreach (var a in plan.Assignments)
        {
            var item = list.Single(i => i.ItemId == a.ItemId);
            var expert = byId[a.ExpertId];
            Assert.False(expert.AffiliationOrganisationId is { } own && item.ConflictOrganisations.Contains(own), $"affiliated expert {a.ExpertId} on {a.ItemId}");
            Assert.False(expert.DeclaredConflicts.Any(item.ConflictOrganisations.Contains), $"declared-conflict expert {a.ExpertId} on {a.ItemId}");
            Assert.Contains(item.Field, expert.Fields);
            Assert.DoesNotContain(a.ExpertId, item.ExcludedExperts);
        }
        Assert.Equal(plan.Assignments.Count, plan.Assignments.Distinct().Count());

        var shortIds = plan.Short.Select(s => s.ItemId).ToHashSet();
        foreach (var item in list)
        {
            var count = plan.Assignments.Count(a => a.ItemId == item.ItemId);
            if (shortIds.Contains(item.ItemId))
            {
                Assert.Equal(0, count);
                var s = plan.Short.Single(x => x.ItemId == item.ItemId);
                Assert.True(s.Available < s.Needed);
                Assert.False(string.IsNullOrWhiteSpace(s.Reason));
            }
            else
            {
                Assert.Equal(item.Needed, count);
            }
        }

        foreach (var expert in pool)
        {
            Assert.True(expert.Load + plan.Assignments.Count(a => a.ExpertId == expert.ExpertId) <= maxLoad, $"expert {expert.ExpertId} over the maximum load");
        }
        Assert.NotEmpty(plan.Assignments);
    }

    [Theory]
    [MemberData(nameof(Pools))]
    public void The_same_inputs_in_any_order_give_the_same_plan(int seed, int organisations, int experts, int items, int maxLoad)
    {
        var (list, pool) = Pool(seed, organisations, experts, items, maxLoad - 1);
        var first = AssignmentPlanner.Plan(list, pool, maxLoad);
        var again = AssignmentPlanner.Plan(list, pool, maxLoad);
        var shuffler = new Random(seed + 1);
        var shuffled = AssignmentPlanner.Plan(list.OrderBy(_ => shuffler.Next()).ToList(), pool.OrderBy(_ => shuffler.Next()).ToList(), maxLoad);
        Assert.Equal(first.Assignments, again.Assignments);
        Assert.Equal(first.Short, again.Short);
        Assert.Equal(first.Assignments.OrderBy(a => a.ItemId).ThenBy(a => a.ExpertId), shuffled.Assignments.OrderBy(a => a.ItemId).ThenBy(a => a.ExpertId));
        Assert.Equal(first.Short.Select(s => s.ItemId), shuffled.Short.Select(s => s.ItemId));
    }

    [Fact]
    public void Load_is_balanced_and_ties_go_to_the_lower_expert_id()
    {
        var experts = Enumerable.Range(1, 4).Select(i => new PoolExpert(new Guid($"00000000-0000-0000-0000-00000000000{i}"),
            new HashSet<ChallengeField> { ChallengeField.MedicalDevices }, null, new HashSet<Guid>(), i == 1 ? 1 : 0)).ToList();
        var items = Enumerable.Range(1, 2).Select(i => new AssignmentItem(new Guid($"10000000-0000-0000-0000-00000000000{i}"),
            ChallengeField.MedicalDevices, new HashSet<Guid>(), new HashSet<Guid>(), 2)).ToList();
        var plan = AssignmentPlanner.Plan(items, experts, 2);
        Assert.Empty(plan.Short);
        // Item 1 takes experts 2 and 3 (load 0, lowest ids); item 2 then takes 4 (load 0) and 1 (load 1 < 2, lower id than 2 and 3 at load 1).
        Assert.Equal([experts[1].ExpertId, experts[2].ExpertId], plan.Assignments.Where(a => a.ItemId == items[0].ItemId).Select(a => a.ExpertId));
        Assert.Equal([experts[3].ExpertId, experts[0].ExpertId], plan.Assignments.Where(a => a.ItemId == items[1].ItemId).Select(a => a.ExpertId));
    }

    [Fact]
    public void An_item_without_enough_unconflicted_experts_is_reported_short_with_the_numbers_and_gets_nobody()
    {
        var issuer = Guid.NewGuid();
        var member = Guid.NewGuid();
        var experts = new List<PoolExpert>
        {
            new(Guid.NewGuid(), new HashSet<ChallengeField> { ChallengeField.NewMaterials }, issuer, new HashSet<Guid>(), 0),
            new(Guid.NewGuid(), new HashSet<ChallengeField> { ChallengeField.NewMaterials }, null, new HashSet<Guid> { member }, 0),
            new(Guid.NewGuid(), new HashSet<ChallengeField> { ChallengeField.NewMaterials }, null, new HashSet<Guid>(), 0),
            new(Guid.NewGuid(), new HashSet<ChallengeField> { ChallengeField.NewMaterials }, null, new HashSet<Guid>(), 3),
            new(Guid.NewGuid(), new HashSet<ChallengeField> { ChallengeField.Biomedicine }, null, new HashSet<Guid>(), 0),
        };
        var item = new AssignmentItem(Guid.NewGuid(), ChallengeField.NewMaterials, new HashSet<Guid> { issuer, member }, new HashSet<Guid>(), 2);
        var plan = AssignmentPlanner.Plan([item], experts, 3);
        Assert.Empty(plan.Assignments);
        var s = Assert.Single(plan.Short);
        Assert.Equal((2, 1, 4, 2, 1), (s.Needed, s.Available, s.FieldMatches, s.Conflicted, s.AtMaxLoad));
    }
}
