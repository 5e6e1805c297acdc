using Jiebang.Challenges.Contracts;
using Jiebang.Review.Domain;

namespace Jiebang.UnitTests.Review;

/// <summary>Why an item is short, with data where each exclusion changes the count (no two rules give the same answer).</summary>
public sealed class ReviewExplainTests
{
    [Fact]
    public void Available_experts_are_in_the_field_unconflicted_not_excluded_and_below_the_load()
    {
        var org = Guid.NewGuid();
        var excluded = Guid.NewGuid();
        PoolExpert E(int load, Guid? affiliation = null, ChallengeField field = ChallengeField.NewMaterials, Guid? id = null) =>
            new(id ?? Guid.NewGuid(), new HashSet<ChallengeField> { field }, affiliation, new HashSet<Guid>(), load, []);
        var experts = new[] { E(0), E(1), E(2), E(3), E(1, org), E(0, field: ChallengeField.Biomedicine), E(0, id: excluded) };
        var item = new AssignmentItem(Guid.NewGuid(), ChallengeField.NewMaterials, new HashSet<Guid> { org }, new HashSet<Guid> { excluded }, 5, []);
        var s = AssignmentPlanner.Explain(item, experts, 2);
        // Loads 0 and 1 are available (2 and 3 are at or over the maximum); the conflicted, the other field and the excluded are not.
        Assert.Equal((5, 2, 5, 1, 2), (s.Needed, s.Available, s.FieldMatches, s.Conflicted, s.AtMaxLoad));
    }
}
