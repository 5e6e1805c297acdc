using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Domain;

namespace Jiebang.UnitTests.Challenges;

public sealed class ApplicationWindowTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly ApplicationWindow FirstCall = new(new DateOnly(2020, 12, 29), new DateOnly(2021, 2, 10));

    [Fact]
    public void The_window_of_the_first_call_is_stored_as_utc_instants_with_an_exclusive_end()
    {
        Assert.Equal(new DateTimeOffset(2020, 12, 28, 16, 0, 0, TimeSpan.Zero), FirstCall.OpensAt);
        Assert.Equal(new DateTimeOffset(2021, 2, 10, 16, 0, 0, TimeSpan.Zero), FirstCall.ClosesAt);
    }

    [Theory]
    [InlineData("2020-12-28T23:59:59", ApplicationPhase.NotYetOpen)]
    [InlineData("2020-12-29T00:00:00", ApplicationPhase.Open)]
    [InlineData("2021-01-15T12:00:00", ApplicationPhase.Open)]
    [InlineData("2021-02-10T23:59:59", ApplicationPhase.Open)]
    [InlineData("2021-02-11T00:00:00", ApplicationPhase.Closed)]
    [InlineData("2026-11-28T00:00:00", ApplicationPhase.Closed)]
    public void The_phase_at_the_edges_in_shanghai_time(string localTime, ApplicationPhase expected)
    {
        var instant = new DateTimeOffset(DateTime.Parse(localTime, System.Globalization.CultureInfo.InvariantCulture), Shanghai);
        Assert.Equal(expected, FirstCall.PhaseAt(instant));
    }

    [Fact]
    public void The_last_tick_of_the_closing_day_is_open_and_the_next_is_closed()
    {
        Assert.Equal(ApplicationPhase.Open, FirstCall.PhaseAt(FirstCall.ClosesAt.AddTicks(-1)));
        Assert.Equal(ApplicationPhase.Closed, FirstCall.PhaseAt(FirstCall.ClosesAt));
        Assert.Equal(ApplicationPhase.NotYetOpen, FirstCall.PhaseAt(FirstCall.OpensAt.AddTicks(-1)));
    }

    [Fact]
    public void A_one_day_window_is_open_for_that_whole_day()
    {
        var day = new ApplicationWindow(new DateOnly(2021, 2, 10), new DateOnly(2021, 2, 10));
        Assert.True(day.IsWellFormed);
        Assert.Equal(TimeSpan.FromDays(1), day.ClosesAt - day.OpensAt);
        Assert.False(new ApplicationWindow(new DateOnly(2021, 2, 10), new DateOnly(2021, 2, 9)).IsWellFormed);
    }
}
