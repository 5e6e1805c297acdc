using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Time;

namespace Jiebang.Challenges.Domain;

/// <summary>
/// A batch's application window in Asia/Shanghai calendar days: open from 00:00:00 on the opening day
/// through 23:59:59.9999999 on the closing day. Stored as two UTC instants, the end exclusive.
/// </summary>
internal readonly record struct ApplicationWindow(DateOnly OpensOn, DateOnly ClosesOn)
{
    public DateTimeOffset OpensAt => Shanghai.StartOfDay(OpensOn);

    /// <summary>The first instant after the window: 00:00:00 Asia/Shanghai on the day after the closing day.</summary>
    public DateTimeOffset ClosesAt => Shanghai.StartOfDay(ClosesOn.AddDays(1));

    public bool IsWellFormed => ClosesOn >= OpensOn;

    public ApplicationPhase PhaseAt(DateTimeOffset now) => PhaseAt(OpensAt, ClosesAt, now);

    public static ApplicationPhase PhaseAt(DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now) =>
        now < opensAt ? ApplicationPhase.NotYetOpen
        : now < closesAt ? ApplicationPhase.Open
        : ApplicationPhase.Closed;
}
