using Jiebang.Challenges.Contracts;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;

namespace Jiebang.UnitTests.Review;

public sealed class RoundLifecycleTests
{
    [Fact]
    public void The_steps_walk_the_round_from_assigning_to_final_one_state_at_a_time()
    {
        var steps = new[] { RoundLifecycle.OpenScoring, RoundLifecycle.Close, RoundLifecycle.Decide, RoundLifecycle.Publicise, RoundLifecycle.Finalise };
        Assert.Equal(ReviewRoundStatus.Assigning, steps[0].From);
        for (var i = 1; i < steps.Length; i++)
        {
            Assert.Equal(steps[i - 1].To, steps[i].From);
        }
        Assert.Equal(ReviewRoundStatus.Final, steps[^1].To);
        Assert.Equal(RoundLifecycle.AssignTo, RoundLifecycle.OpenScoring.From);
    }

    [Theory]
    [InlineData(ReviewRoundStatus.Draft, true, true, false, false, false)]
    [InlineData(ReviewRoundStatus.Assigning, false, true, true, false, false)]
    [InlineData(ReviewRoundStatus.Scoring, false, false, true, false, false)]
    [InlineData(ReviewRoundStatus.Closed, false, false, false, true, false)]
    [InlineData(ReviewRoundStatus.Publicised, false, false, false, true, true)]
    [InlineData(ReviewRoundStatus.Final, false, false, false, true, true)]
    public void Each_state_allows_what_it_allows(ReviewRoundStatus status, bool editable, bool takesItems, bool takesDeclines, bool pastScoring,
        bool published)
    {
        Assert.Equal(editable, RoundLifecycle.IsEditable(status));
        Assert.Equal(takesItems, RoundLifecycle.TakesItems(status));
        Assert.Equal(takesDeclines, RoundLifecycle.TakesDeclines(status));
        Assert.Equal(pastScoring, RoundLifecycle.IsPastScoring(status));
        Assert.Equal(published, RoundLifecycle.IsPublished(status));
        Assert.Equal(status is ReviewRoundStatus.Draft or ReviewRoundStatus.Assigning or ReviewRoundStatus.Scoring,
            RoundLifecycle.TakesHandAssignments(status));
    }

    [Fact]
    public void Hand_assignment_refuses_inactive_conflicted_and_returning_experts_and_lists_its_departures()
    {
        var org = Guid.NewGuid();
        var expert = new PoolExpert(Guid.NewGuid(), new HashSet<ChallengeField> { ChallengeField.NewMaterials },
            org, new HashSet<Guid>(), 0, []);
        Assert.NotNull(HandAssignment.Refusal(false, expert, new HashSet<Guid>(), [], false));
        Assert.NotNull(HandAssignment.Refusal(true, expert, new HashSet<Guid> { org }, [], false));
        Assert.NotNull(HandAssignment.Refusal(true, expert, new HashSet<Guid>(), [], true));
        Assert.Null(HandAssignment.Refusal(true, expert, new HashSet<Guid>(), [], false));
        Assert.Equal(["FieldMismatch", "OverMaxLoad", "OverCount"],
            HandAssignment.Departures(expert, ChallengeField.Biomedicine, 10, 10, 5, 5));
        Assert.Empty(HandAssignment.Departures(expert, ChallengeField.NewMaterials, 0, 10, 0, 5));
    }
}
