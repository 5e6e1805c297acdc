namespace Jiebang.Funding.Domain;

internal static class Median
{
    /// <summary>
    /// The median of durations in days, to one decimal place (half away from zero); the mean of the two middle ones when
    /// their number is even; null when there are none.
    /// </summary>
    public static decimal? Days(IEnumerable<TimeSpan> durations)
    {
        var ticks = durations.Select(d => d.Ticks).Order().ToList();
        if (ticks.Count == 0)
        {
            return null;
        }
        var middle = ticks.Count / 2;
        var median = ticks.Count % 2 == 1 ? ticks[middle] : (Int128)ticks[middle - 1] + ticks[middle];
        var divisor = ticks.Count % 2 == 1 ? TimeSpan.TicksPerDay : 2m * TimeSpan.TicksPerDay;
        return Math.Round((decimal)median / divisor, 1, MidpointRounding.AwayFromZero);
    }
}
