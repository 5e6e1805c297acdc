using Jiebang.Applications.Contracts;
using Jiebang.Applications.Domain;
using Jiebang.Challenges.Contracts;

namespace Jiebang.UnitTests.Applications;

public sealed class ApplicationLifecycleTests
{
    private static readonly DateTimeOffset Opens = new(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Closes = new(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Only_a_draft_or_a_submitted_application_is_changed_by_the_applicant_side()
    {
        Assert.Equal([ApplicationStatus.Draft, ApplicationStatus.Submitted],
            Enum.GetValues<ApplicationStatus>().Where(ApplicationLifecycle.IsChangeable));
    }

    [Fact]
    public void Outcome_messages_move_only_from_the_states_they_follow()
    {
        Assert.True(ApplicationLifecycle.Allows(ApplicationStatus.Matched, ApplicationAction.Select, ApplicationStatus.Selected));
        Assert.False(ApplicationLifecycle.Allows(ApplicationStatus.Selected, ApplicationAction.Select));
        Assert.Equal([ApplicationStatus.Selected], ApplicationLifecycle.From(ApplicationAction.Contract));
        Assert.False(ApplicationLifecycle.Allows(ApplicationStatus.Ineligible, ApplicationAction.Contract));
        Assert.True(ApplicationLifecycle.Allows(ApplicationStatus.Eligible, ApplicationAction.OverrideEligibility, ApplicationStatus.Ineligible));
        Assert.False(ApplicationLifecycle.Allows(ApplicationStatus.Submitted, ApplicationAction.OverrideEligibility, ApplicationStatus.Eligible));
    }

    [Fact]
    public void Withdrawing_a_confirmation_takes_a_submitted_application_back_to_draft_and_leaves_a_draft_as_it_is()
    {
        Assert.Equal(ApplicationStatus.Draft, ApplicationLifecycle.AfterConfirmationWithdrawn(ApplicationStatus.Submitted));
        Assert.Equal(ApplicationStatus.Draft, ApplicationLifecycle.AfterConfirmationWithdrawn(ApplicationStatus.Draft));
    }

    [Fact]
    public void The_window_is_open_from_its_first_instant_and_closed_from_the_deadline_on()
    {
        Assert.Equal(ApplicationPhase.NotYetOpen, ApplicationWindow.PhaseAt(Opens, Closes, Opens.AddTicks(-1)));
        Assert.Equal(ApplicationPhase.Open, ApplicationWindow.PhaseAt(Opens, Closes, Opens));
        Assert.Equal(ApplicationPhase.Open, ApplicationWindow.PhaseAt(Opens, Closes, Closes.AddTicks(-1)));
        Assert.Equal(ApplicationPhase.Closed, ApplicationWindow.PhaseAt(Opens, Closes, Closes));
        Assert.False(ApplicationWindow.IsClosed(Closes, Closes.AddTicks(-1)));
        Assert.True(ApplicationWindow.IsClosed(Closes, Closes));
    }
}
