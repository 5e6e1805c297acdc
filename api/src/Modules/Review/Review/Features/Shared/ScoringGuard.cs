using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Jiebang.Review.Contracts;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Review.Features.Shared;

/// <summary>The checks every change an expert makes to its own score sheet goes through, in one order.</summary>
internal static class ScoringGuard
{
    public static IResult? Refusal(AssignmentRow? row, RoundRow? round, Caller caller, DateTimeOffset now, int? expectedVersion)
    {
        if (row is null || round is null || !(caller.IsExpert && caller.ExpertId == row.ExpertId))
        {
            return Problems.NotFound("assignment");
        }
        if (expectedVersion is { } v && v != row.Version)
        {
            return Problems.VersionMismatch();
        }
        if (row.Status != AssignmentStatus.Active)
        {
            return Problems.Conflict("review.assignment_ended", "该评审任务已谢绝、回避或被撤销", "The assignment was declined, recused or removed");
        }
        if (row.ScoreStatus == ScoreStatus.Submitted)
        {
            return Problems.Conflict("review.score_locked", "评分已提交，不能修改", "The score sheet is submitted and locked");
        }
        if (round.Status != ReviewRoundStatus.Scoring || !round.ScoringWindowOpen(now))
        {
            return Problems.Conflict("review.scoring_closed", "不在评分期内", "Scoring is not open for this round");
        }
        return null;
    }
}
