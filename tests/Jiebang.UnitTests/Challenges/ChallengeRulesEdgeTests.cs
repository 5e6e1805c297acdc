using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Domain;
using Jiebang.Platform.Errors;
using Jiebang.UnitTests.Funding;

namespace Jiebang.UnitTests.Challenges;

/// <summary>What a repeated notification is recognised by, and the refusals a challenge answers with.</summary>
public sealed class ChallengeRulesEdgeTests
{
    [Theory]
    [InlineData("Submit", ChallengeStatus.Submitted)]
    [InlineData("Withdraw", ChallengeStatus.Withdrawn)]
    [InlineData("SendToReview", ChallengeStatus.UnderReview)]
    [InlineData("Approve", ChallengeStatus.Approved)]
    [InlineData("Reject", ChallengeStatus.Rejected)]
    [InlineData("Publish", ChallengeStatus.Published)]
    [InlineData("Award", ChallengeStatus.Awarded)]
    [InlineData("Unaward", ChallengeStatus.Unawarded)]
    [InlineData("Complete", ChallengeStatus.Completed)]
    [InlineData("Terminate", ChallengeStatus.Terminated)]
    public void Each_action_has_one_target_state(string action, ChallengeStatus target) =>
        Assert.Equal(target, ChallengeLifecycle.TargetOf(Enum.Parse<ChallengeAction>(action)));

    [Fact]
    public void The_challenge_refusals_carry_their_codes_and_both_languages()
    {
        var forbidden = Problems.Describe(ChallengeRefusals.NotPermitted())!;
        Assert.Equal((403, "forbidden"), (forbidden.Status, forbidden.Code));
        FundingBoundaryTests.Bilingual(forbidden.Detail);
        var invalid = Problems.Describe(ChallengeRefusals.InvalidTransition(ChallengeStatus.Draft, ChallengeAction.Publish))!;
        Assert.Equal((409, "challenge.invalid_transition"), (invalid.Status, invalid.Code));
        Assert.Equal("当前状态（Draft）不允许执行“Publish”操作 / A challenge in state Draft cannot Publish", invalid.Detail);
    }
}
