using Jiebang.Applications.Contracts;
using Jiebang.Applications.Data;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Applications.Domain;

internal enum ApplicationAction
{
    Submit,
    Withdraw,
    /// <summary>A member withdraws its confirmation: a submitted application no longer speaks for it.</summary>
    WithdrawConfirmation,
    /// <summary>The formal check decides (Eligible or Ineligible).</summary>
    CheckEligibility,
    /// <summary>The task force overrides the formal check.</summary>
    OverrideEligibility,
    OpenScoring,
    CloseReview,
    Match,
    Unmatch,
    Select,
    NotSelect,
    Contract,
}

/// <summary>
/// The application state machine: from which states an action starts and where it may lead. Nothing else changes a status;
/// an action whose source state is not the current one changes nothing (so a repeated message finds nothing to do).
/// </summary>
internal static class ApplicationLifecycle
{
    private static readonly ApplicationStatus[] InReview =
    [
        ApplicationStatus.Eligible, ApplicationStatus.UnderReview, ApplicationStatus.Recommended, ApplicationStatus.NotRecommended,
        ApplicationStatus.Matched,
    ];

    private static readonly ApplicationStatus[] Decided = [ApplicationStatus.Eligible, ApplicationStatus.Ineligible];

    private static readonly ApplicationStatus[] Reviewed = [ApplicationStatus.Recommended, ApplicationStatus.NotRecommended];

    private static readonly Dictionary<ApplicationAction, (ApplicationStatus[] From, ApplicationStatus[] To)> Moves = new()
    {
        [ApplicationAction.Submit] = ([ApplicationStatus.Draft, ApplicationStatus.Submitted], [ApplicationStatus.Submitted]),
        [ApplicationAction.Withdraw] = ([ApplicationStatus.Draft, ApplicationStatus.Submitted], [ApplicationStatus.Withdrawn]),
        [ApplicationAction.WithdrawConfirmation] = ([ApplicationStatus.Submitted], [ApplicationStatus.Draft]),
        [ApplicationAction.CheckEligibility] = ([ApplicationStatus.Submitted], Decided),
        [ApplicationAction.OverrideEligibility] = (Decided, Decided),
        [ApplicationAction.OpenScoring] = ([ApplicationStatus.Eligible], [ApplicationStatus.UnderReview]),
        [ApplicationAction.CloseReview] = ([ApplicationStatus.Eligible, ApplicationStatus.UnderReview], Reviewed),
        [ApplicationAction.Match] = ([ApplicationStatus.UnderReview, .. Reviewed], [ApplicationStatus.Matched]),
        [ApplicationAction.Unmatch] = ([ApplicationStatus.Matched], Reviewed),
        [ApplicationAction.Select] = (InReview, [ApplicationStatus.Selected]),
        [ApplicationAction.NotSelect] = (InReview, [ApplicationStatus.NotSelected]),
        [ApplicationAction.Contract] = ([ApplicationStatus.Selected], [ApplicationStatus.Contracted]),
    };

    /// <summary>The states <paramref name="action"/> starts from.</summary>
    public static IReadOnlyList<ApplicationStatus> From(ApplicationAction action) => Moves[action].From;

    public static bool Allows(ApplicationStatus from, ApplicationAction action) => Moves[action].From.Contains(from);

    /// <summary>Whether <paramref name="action"/> may lead from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool Allows(ApplicationStatus from, ApplicationAction action, ApplicationStatus to) =>
        Allows(from, action) && Moves[action].To.Contains(to);

    /// <summary>
    /// The applicant's side changes an application (content, attachments, consortium confirmations) only while it is a draft
    /// or submitted and not yet checked.
    /// </summary>
    public static bool IsChangeable(ApplicationStatus status) => status is ApplicationStatus.Draft or ApplicationStatus.Submitted;

    /// <summary>What withdrawing a member's confirmation does to the status: a submitted application goes back to Draft.</summary>
    public static ApplicationStatus AfterConfirmationWithdrawn(ApplicationStatus status) =>
        Allows(status, ApplicationAction.WithdrawConfirmation) ? ApplicationStatus.Draft : status;

    /// <summary>Issuers never see a draft or a withdrawn application, even after the deadline.</summary>
    public static bool IsHiddenFromIssuer(ApplicationStatus status) => status is ApplicationStatus.Draft or ApplicationStatus.Withdrawn;

    /// <summary>The status a formal-check outcome leads to.</summary>
    public static ApplicationStatus StatusOf(EligibilityOutcome outcome) =>
        outcome == EligibilityOutcome.Eligible ? ApplicationStatus.Eligible : ApplicationStatus.Ineligible;

    // Who may change an application, and when: the checks every applicant-side change makes, in one order.

    public static IResult? ChangeRefusal(ApplicationRow? row, Caller caller, DateTimeOffset now, int? expectedVersion)
    {
        if (row is null || !row.IsVisibleTo(caller, now))
        {
            return Problems.NotFound("application");
        }
        if (!row.MayEdit(caller))
        {
            return Problems.Forbidden("只有牵头单位或其所在区门户可以修改申报书", "Only the lead organisation or its district portal may change the application");
        }
        return TimingRefusal(row, now, expectedVersion);
    }

    /// <summary>
    /// The checks every change makes once the caller is known to act for the application (its lead, or a member confirming):
    /// before the deadline, on the version the caller read, while the application is a draft or submitted.
    /// </summary>
    public static IResult? TimingRefusal(ApplicationRow row, DateTimeOffset now, int? expectedVersion)
    {
        if (ApplicationWindow.IsClosed(row.ClosesAt, now))
        {
            return ApplicationWindow.Closed();
        }
        if (expectedVersion is { } v && v != row.Version)
        {
            return Problems.VersionMismatch();
        }
        if (!IsChangeable(row.Status))
        {
            return Problems.Conflict("application.invalid_state",
                "只有草稿或已提交、尚未进入资格审查的申报书可以修改", "Only a draft, or a submitted application not yet checked, can be changed");
        }
        return null;
    }

    /// <summary>Refuses (throws <see cref="Platform.Writes.WriteRefused"/>) unless the caller may change the row now.</summary>
    public static ApplicationRow CheckChange(ApplicationRow? row, Caller caller, DateTimeOffset now, int? expectedVersion) =>
        ChangeRefusal(row, caller, now, expectedVersion) is { } refusal ? throw Platform.Writes.Write.Refuse(refusal) : row!;
}
