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

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"];
    private static readonly string[] Given = ["明", "华", "伟", "芳", "静", "Li Na", "强", "磊", "洋", "敏"];

    /// <summary>A person as people write it: sometimes with stray spaces or another letter case, sometimes without an organisation.</summary>
    private static PersonRef Written(Random random, (string Name, Guid Org) person) => new(
        random.Next(4) switch { 0 => " " + person.Name + " ", 1 => person.Name.ToLowerInvariant(), 2 => string.Join(" ", person.Name.ToCharArray()), _ => person.Name },
        random.Next(3) == 0 ? null : person.Org);

    /// <summary>
    /// A random call: organisations, people working at them, consortia of issuer + lead + members with a project team,
    /// experts tied to some organisations by affiliation or declaration and declaring conflicts with some people.
    /// </summary>
    private static (List<AssignmentItem> Items, List<PoolExpert> Experts) Pool(int seed, int organisations, int experts, int items, int maxInitialLoad)
    {
        var random = new Random(seed);
        var orgs = Enumerable.Range(0, organisations).Select(_ => G(random)).ToList();
        Guid AnyOrg() => orgs[random.Next(orgs.Count)];
        // Few names and many organisations: the same name at different organisations happens, as it does in life.
        var people = Enumerable.Range(0, organisations * 2)
            .Select(_ => (Name: Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)], Org: AnyOrg())).ToList();
        (string, Guid) AnyPerson() => people[random.Next(people.Count)];
        var pool = Enumerable.Range(0, experts).Select(_ => new PoolExpert(
            G(random),
            Enumerable.Range(0, random.Next(1, 4)).Select(_ => AllFields[random.Next(AllFields.Length)]).ToHashSet(),
            random.Next(10) < 8 ? AnyOrg() : null,
            Enumerable.Range(0, random.Next(0, 4)).Select(_ => AnyOrg()).ToHashSet(),
            random.Next(0, maxInitialLoad + 1),
            Enumerable.Range(0, random.Next(0, 3)).Select(_ => Written(random, AnyPerson())).ToList())).ToList();
        var list = Enumerable.Range(0, items).Select(_ =>
        {
            var parties = Enumerable.Range(0, random.Next(2, 6)).Select(_ => AnyOrg()).ToHashSet();
            var excluded = random.Next(10) == 0 ? new HashSet<Guid> { pool[random.Next(pool.Count)].ExpertId } : [];
            var team = Enumerable.Range(0, random.Next(1, 6)).Select(_ => Written(random, AnyPerson())).ToList();
            return new AssignmentItem(G(random), AllFields[random.Next(AllFields.Length)], parties, excluded, random.Next(10) == 0 ? random.Next(1, 3) : 5,
                team);
        }).ToList();
        return (list, pool);
    }

    /// <summary>The rule written out on its own, as the test's oracle: same name ignoring spaces and case, and the same organisation unless one side gives none.</summary>
    private static bool SamePerson(PersonRef declared, PersonRef onItem)
    {
        static string Plain(string s) => new string(s.Where(c => c != ' ').ToArray()).ToUpperInvariant();
        return Plain(declared.Name) == Plain(onItem.Name)
            && (declared.OrganisationId is null || onItem.OrganisationId is null || declared.OrganisationId == onItem.OrganisationId);
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
            Assert.False(expert.DeclaredPeople.Any(d => item.People.Any(p => SamePerson(d, p))), $"expert {a.ExpertId} declared a person on {a.ItemId}");
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
        // The pools really put people conflicts in the planner's way: some otherwise suitable pairs are excluded by a declared person alone.
        Assert.Contains(list, item => pool.Any(e => e.Fields.Contains(item.Field) && !e.IsConflictedWith(item.ConflictOrganisations, [])
            && e.DeclaredPeople.Any(d => item.People.Any(p => SamePerson(d, p)))));
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
            new HashSet<ChallengeField> { ChallengeField.MedicalDevices }, null, new HashSet<Guid>(), i == 1 ? 1 : 0, [])).ToList();
        var items = Enumerable.Range(1, 2).Select(i => new AssignmentItem(new Guid($"10000000-0000-0000-0000-00000000000{i}"),
            ChallengeField.MedicalDevices, new HashSet<Guid>(), new HashSet<Guid>(), 2, [])).ToList();
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
            new(Guid.NewGuid(), new HashSet<ChallengeField> { ChallengeField.NewMaterials }, issuer, new HashSet<Guid>(), 0, []),
            new(Guid.NewGuid(), new HashSet<ChallengeField> { ChallengeField.NewMaterials }, null, new HashSet<Guid> { member }, 0, []),
            new(Guid.NewGuid(), new HashSet<ChallengeField> { ChallengeField.NewMaterials }, null, new HashSet<Guid>(), 0, []),
            new(Guid.NewGuid(), new HashSet<ChallengeField> { ChallengeField.NewMaterials }, null, new HashSet<Guid>(), 3, []),
            new(Guid.NewGuid(), new HashSet<ChallengeField> { ChallengeField.Biomedicine }, null, new HashSet<Guid>(), 0, []),
            new(Guid.NewGuid(), new HashSet<ChallengeField> { ChallengeField.NewMaterials }, null, new HashSet<Guid>(), 0, [new PersonRef("王 明", null)]),
        };
        var item = new AssignmentItem(Guid.NewGuid(), ChallengeField.NewMaterials, new HashSet<Guid> { issuer, member }, new HashSet<Guid>(), 2,
            [new PersonRef("王明", member)]);
        var plan = AssignmentPlanner.Plan([item], experts, 3);
        Assert.Empty(plan.Assignments);
        var s = Assert.Single(plan.Short);
        Assert.Equal((2, 1, 5, 3, 1), (s.Needed, s.Available, s.FieldMatches, s.Conflicted, s.AtMaxLoad));
    }

    [Fact]
    public void A_declared_person_matches_by_name_ignoring_spaces_and_case_and_by_organisation_when_both_sides_give_one()
    {
        var university = Guid.NewGuid();
        var enterprise = Guid.NewGuid();
        Assert.True(new PersonRef("王 明", null).Matches(new PersonRef("王明", university)));
        Assert.True(new PersonRef("li na", university).Matches(new PersonRef("Li Na", university)));
        Assert.True(new PersonRef("王明", university).Matches(new PersonRef("王明", null)));
        Assert.False(new PersonRef("王明", university).Matches(new PersonRef("王明", enterprise)));
        Assert.False(new PersonRef("王明", null).Matches(new PersonRef("王敏", null)));
        Assert.False(new PersonRef("  ", null).Matches(new PersonRef("", null)));
    }

    [Fact]
    public void An_expert_who_declared_the_project_lead_is_never_assigned_even_when_it_is_the_only_one_left()
    {
        var lead = new PersonRef("王明", Guid.NewGuid());
        var declared = new PoolExpert(new Guid("00000000-0000-0000-0000-000000000001"), new HashSet<ChallengeField> { ChallengeField.NewMaterials },
            null, new HashSet<Guid>(), 0, [new PersonRef("王明", null)]);
        var clean = new PoolExpert(new Guid("00000000-0000-0000-0000-000000000002"), new HashSet<ChallengeField> { ChallengeField.NewMaterials },
            null, new HashSet<Guid>(), 0, [new PersonRef("王明", Guid.NewGuid())]);
        var item = new AssignmentItem(Guid.NewGuid(), ChallengeField.NewMaterials, new HashSet<Guid>(), new HashSet<Guid>(), 1, [lead]);
        var plan = AssignmentPlanner.Plan([item], [declared, clean], 5);
        Assert.Equal(clean.ExpertId, Assert.Single(plan.Assignments).ExpertId);
        var alone = AssignmentPlanner.Plan([item with { Needed = 2 }], [declared, clean], 5);
        Assert.Empty(alone.Assignments);
        Assert.Equal(1, Assert.Single(alone.Short).Conflicted);
    }
}
