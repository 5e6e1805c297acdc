using Jiebang.Funding.Domain;

namespace Jiebang.UnitTests.Funding;

public sealed class AgreementLifecycleTests
{
    [Theory]
    [InlineData(nameof(AgreementStatus.Active), nameof(AgreementStep.Terminate), nameof(AgreementStatus.Terminated))]
    [InlineData(nameof(AgreementStatus.Active), nameof(AgreementStep.PassAcceptance), nameof(AgreementStatus.Completed))]
    [InlineData(nameof(AgreementStatus.Active), nameof(AgreementStep.FailAcceptance), nameof(AgreementStatus.Terminated))]
    [InlineData(nameof(AgreementStatus.Completed), nameof(AgreementStep.Close), nameof(AgreementStatus.Closed))]
    public void The_steps_that_move_an_agreement_lead_where_the_lifecycle_says(string fromName, string stepName, string toName)
    {
        var (from, step, to) = (Enum.Parse<AgreementStatus>(fromName), Enum.Parse<AgreementStep>(stepName), Enum.Parse<AgreementStatus>(toName));
        Assert.True(AgreementLifecycle.TryMove(from, step, out var moved));
        Assert.Equal(to, moved);
        Assert.True(AgreementLifecycle.Allows(from, step));
    }

    [Theory]
    [InlineData(nameof(AgreementStatus.Completed), nameof(AgreementStep.Terminate))]
    [InlineData(nameof(AgreementStatus.Completed), nameof(AgreementStep.PassAcceptance))]
    [InlineData(nameof(AgreementStatus.Terminated), nameof(AgreementStep.Close))]
    [InlineData(nameof(AgreementStatus.Active), nameof(AgreementStep.Close))]
    [InlineData(nameof(AgreementStatus.Closed), nameof(AgreementStep.Terminate))]
    public void A_step_from_the_wrong_state_moves_nothing(string fromName, string stepName)
    {
        var (from, step) = (Enum.Parse<AgreementStatus>(fromName), Enum.Parse<AgreementStep>(stepName));
        Assert.False(AgreementLifecycle.TryMove(from, step, out _));
        Assert.False(AgreementLifecycle.Allows(from, step));
    }

    [Fact]
    public void Money_moves_until_the_project_ends_reports_only_while_active_and_procurement_only_after_acceptance()
    {
        foreach (var status in Enum.GetValues<AgreementStatus>())
        {
            var open = status is AgreementStatus.Active or AgreementStatus.Completed;
            Assert.Equal(open, AgreementLifecycle.Allows(status, AgreementStep.PayTranche));
            Assert.Equal(open, AgreementLifecycle.Allows(status, AgreementStep.AdjustCommitment));
            Assert.Equal(status == AgreementStatus.Active, AgreementLifecycle.Allows(status, AgreementStep.ReportProgress));
            Assert.Equal(status == AgreementStatus.Active, AgreementLifecycle.Allows(status, AgreementStep.DecideProgressReport));
            Assert.Equal(status == AgreementStatus.Active, AgreementLifecycle.Allows(status, AgreementStep.ConfirmByIssuer));
            Assert.Equal(status == AgreementStatus.Completed, AgreementLifecycle.Allows(status, AgreementStep.RecordProcurement));
        }
    }

    [Fact]
    public void A_report_is_decided_once_and_only_on_an_active_agreement()
    {
        Assert.Null(ProgressReview.Refusal(ProgressReportStatus.Submitted, AgreementStatus.Active));
        Assert.NotNull(ProgressReview.Refusal(ProgressReportStatus.Verified, AgreementStatus.Active));
        Assert.NotNull(ProgressReview.Refusal(ProgressReportStatus.Returned, AgreementStatus.Active));
        Assert.NotNull(ProgressReview.Refusal(ProgressReportStatus.Submitted, AgreementStatus.Completed));
    }
}
