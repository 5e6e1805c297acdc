using Jiebang.Platform.Errors;
using Jiebang.Review.Contracts;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Review.Domain;

/// <summary>The checks every change an expert makes to its own score sheet goes through, in one order (after 404 and 412).</summary>
internal static class ScoringGuard
{
    public static IResult? Refusal(string assignmentStatus, string scoreStatus, ReviewRoundStatus roundStatus, bool windowOpen)
    {
        if (assignmentStatus != AssignmentStatus.Active)
        {
            return Problems.Conflict("review.assignment_ended", "该评审任务已谢绝、回避或被撤销", "The assignment was declined, recused or removed");
        }
        if (scoreStatus == ScoreStatus.Submitted)
        {
            return Problems.Conflict("review.score_locked", "评分已提交，不能修改", "The score sheet is submitted and locked");
        }
        if (roundStatus != ReviewRoundStatus.Scoring || !windowOpen)
        {
            return Problems.Conflict("review.scoring_closed", "不在评分期内", "Scoring is not open for this round");
        }
        return null;
    }

    /// <summary>Why an assignment cannot end now (declined, recused or removed): it has ended already, or its sheet is submitted and locked.</summary>
    public static IResult? EndRefusal(string assignmentStatus, string scoreStatus, string actionZh) => assignmentStatus != AssignmentStatus.Active
        ? Problems.Conflict("review.assignment_ended", "该评审任务已结束（谢绝、回避或撤销）", "The assignment has already ended (declined, recused or removed)")
        : scoreStatus == ScoreStatus.Submitted
            ? Problems.Conflict("review.score_locked", $"评分已提交，不能{actionZh}", "The score sheet is submitted and locked; the assignment cannot end")
            : null;
}
