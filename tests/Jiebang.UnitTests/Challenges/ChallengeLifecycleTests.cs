using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Domain;

namespace Jiebang.UnitTests.Challenges;

public sealed class ChallengeLifecycleTests
{
    [Theory]
    [InlineData(ChallengeStatus.Draft, "Submit", ChallengeStatus.Submitted)]
    [InlineData(ChallengeStatus.Draft, "Withdraw", ChallengeStatus.Withdrawn)]
    [InlineData(ChallengeStatus.Submitted, "Withdraw", ChallengeStatus.Withdrawn)]
    [InlineData(ChallengeStatus.Submitted, "SendToReview", ChallengeStatus.UnderReview)]
    [InlineData(ChallengeStatus.Submitted, "Approve", ChallengeStatus.Approved)]
    [InlineData(ChallengeStatus.UnderReview, "Approve", ChallengeStatus.Approved)]
    [InlineData(ChallengeStatus.UnderReview, "Reject", ChallengeStatus.Rejected)]
    [InlineData(ChallengeStatus.Approved, "Publish", ChallengeStatus.Published)]
    [InlineData(ChallengeStatus.Published, "Award", ChallengeStatus.Awarded)]
    [InlineData(ChallengeStatus.Published, "Unaward", ChallengeStatus.Unawarded)]
    [InlineData(ChallengeStatus.Awarded, "Complete", ChallengeStatus.Completed)]
    [InlineData(ChallengeStatus.Awarded, "Terminate", ChallengeStatus.Terminated)]
    public void Allowed_moves(ChallengeStatus from, string action, ChallengeStatus to)
    {
        Assert.True(ChallengeLifecycle.TryMove(from, Enum.Parse<ChallengeAction>(action), out var next));
        Assert.Equal(to, next);
    }

    [Theory]
    [InlineData(ChallengeStatus.Draft, "Approve")]
    [InlineData(ChallengeStatus.Draft, "Publish")]
    [InlineData(ChallengeStatus.Submitted, "Publish")]
    [InlineData(ChallengeStatus.UnderReview, "Withdraw")]
    [InlineData(ChallengeStatus.Approved, "Withdraw")]
    [InlineData(ChallengeStatus.Rejected, "Publish")]
    [InlineData(ChallengeStatus.Published, "Withdraw")]
    [InlineData(ChallengeStatus.Published, "Complete")]
    [InlineData(ChallengeStatus.Completed, "Terminate")]
    [InlineData(ChallengeStatus.Withdrawn, "Submit")]
    [InlineData(ChallengeStatus.Terminated, "Award")]
    public void Refused_moves(ChallengeStatus from, string action) =>
        Assert.False(ChallengeLifecycle.TryMove(from, Enum.Parse<ChallengeAction>(action), out _));

    [Fact]
    public void Final_states_lead_nowhere()
    {
        foreach (var final in new[] { ChallengeStatus.Rejected, ChallengeStatus.Unawarded, ChallengeStatus.Completed, ChallengeStatus.Terminated, ChallengeStatus.Withdrawn })
        {
            Assert.All(Enum.GetValues<ChallengeAction>(), a => Assert.False(ChallengeLifecycle.TryMove(final, a, out _), $"{final} --{a}-->"));
        }
    }

    [Fact]
    public void Only_drafts_are_editable_and_only_published_or_later_states_are_public()
    {
        Assert.Equal([ChallengeStatus.Draft], Enum.GetValues<ChallengeStatus>().Where(ChallengeLifecycle.IsEditable));
        Assert.Equal(
            [ChallengeStatus.Published, ChallengeStatus.Awarded, ChallengeStatus.Unawarded, ChallengeStatus.Completed, ChallengeStatus.Terminated],
            ChallengeLifecycle.PublicStatuses);
        Assert.Equal("('Published', 'Awarded', 'Unawarded', 'Completed', 'Terminated')", ChallengeLifecycle.PublicStatusesSql);
    }
}
