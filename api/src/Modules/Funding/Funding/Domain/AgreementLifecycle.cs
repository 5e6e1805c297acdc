using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Funding.Domain;

/// <summary>What is done to an agreement once it is signed.</summary>
internal enum AgreementStep
{
    ConfirmByIssuer,
    ReportProgress,
    DecideProgressReport,
    AdjustCommitment,
    PayTranche,
    Terminate,
    PassAcceptance,
    FailAcceptance,
    RecordProcurement,
    Close,
}

/// <summary>
/// The agreement state machine: which step may be taken in which state, and where the steps that move it lead. Nothing
/// else changes an agreement's status.
/// </summary>
internal static class AgreementLifecycle
{
    private static readonly Dictionary<(AgreementStatus, AgreementStep), AgreementStatus> Moves = new()
    {
        [(AgreementStatus.Active, AgreementStep.Terminate)] = AgreementStatus.Terminated,
        [(AgreementStatus.Active, AgreementStep.PassAcceptance)] = AgreementStatus.Completed,
        [(AgreementStatus.Active, AgreementStep.FailAcceptance)] = AgreementStatus.Terminated,
        [(AgreementStatus.Completed, AgreementStep.Close)] = AgreementStatus.Closed,
    };

    public static bool TryMove(AgreementStatus from, AgreementStep step, out AgreementStatus to) => Moves.TryGetValue((from, step), out to);

    /// <summary>Whether <paramref name="step"/> may be taken on an agreement in <paramref name="status"/>.</summary>
    public static bool Allows(AgreementStatus status, AgreementStep step) => step switch
    {
        AgreementStep.ConfirmByIssuer or AgreementStep.ReportProgress or AgreementStep.DecideProgressReport => status == AgreementStatus.Active,
        // A passed acceptance still owes the final tranche; a terminated or closed agreement pays and changes nothing more.
        AgreementStep.AdjustCommitment or AgreementStep.PayTranche => status is AgreementStatus.Active or AgreementStatus.Completed,
        // 谁牵头谁采购: procurement follows a passed acceptance.
        AgreementStep.RecordProcurement => status == AgreementStatus.Completed,
        _ => Moves.ContainsKey((status, step)),
    };

    /// <summary>The refusal of a step an agreement in <paramref name="status"/> no longer allows.</summary>
    public static IResult NotActive(AgreementStatus status) => Problems.Conflict("funding.agreement_not_active",
        $"协议当前为“{AgreementStatusNames.Chinese(status)}”，不能再办理", $"The agreement is {AgreementStatusNames.English(status)}; nothing more can be done on it");
}

/// <summary>The task force's decision on a progress report (verify or return).</summary>
internal static class ProgressReview
{
    /// <summary>Only a submitted report of an active agreement can be decided; null when it can.</summary>
    public static IResult? Refusal(ProgressReportStatus report, AgreementStatus agreement)
    {
        if (report != ProgressReportStatus.Submitted)
        {
            return AlreadyDecided();
        }
        return AgreementLifecycle.Allows(agreement, AgreementStep.DecideProgressReport) ? null : AgreementLifecycle.NotActive(agreement);
    }

    public static IResult AlreadyDecided() => Problems.Conflict("funding.report_already_decided",
        "该进展报告已核定或退回", "The progress report has already been verified or returned");
}
