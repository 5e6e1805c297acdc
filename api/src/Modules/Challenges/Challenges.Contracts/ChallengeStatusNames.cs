namespace Jiebang.Challenges.Contracts;

/// <summary>What a person reads for a challenge's state and application phase, in Chinese and in English.</summary>
public static class ChallengeStatusNames
{
    public static string Chinese(ChallengeStatus status) => status switch
    {
        ChallengeStatus.Draft => "草稿",
        ChallengeStatus.Submitted => "已提交",
        ChallengeStatus.UnderReview => "需求论证中",
        ChallengeStatus.Approved => "论证通过",
        ChallengeStatus.Rejected => "论证未通过",
        ChallengeStatus.Published => "已发榜",
        ChallengeStatus.Awarded => "揭榜成功",
        ChallengeStatus.Unawarded => "流榜",
        ChallengeStatus.Completed => "已完成",
        ChallengeStatus.Terminated => "已终止",
        ChallengeStatus.Withdrawn => "已撤回",
        _ => "未知状态",
    };

    public static string English(ChallengeStatus status) => status switch
    {
        ChallengeStatus.Draft => "a draft",
        ChallengeStatus.Submitted => "submitted",
        ChallengeStatus.UnderReview => "under need review",
        ChallengeStatus.Approved => "approved",
        ChallengeStatus.Rejected => "rejected",
        ChallengeStatus.Published => "published",
        ChallengeStatus.Awarded => "awarded",
        ChallengeStatus.Unawarded => "unawarded",
        ChallengeStatus.Completed => "completed",
        ChallengeStatus.Terminated => "terminated",
        ChallengeStatus.Withdrawn => "withdrawn",
        _ => "in an unknown state",
    };

    public static string Chinese(ApplicationPhase phase) => phase switch
    {
        ApplicationPhase.NotYetOpen => "尚未开始",
        ApplicationPhase.Open => "进行中",
        ApplicationPhase.Closed => "已截止",
        _ => "未知",
    };

    public static string English(ApplicationPhase phase) => phase switch
    {
        ApplicationPhase.NotYetOpen => "not yet open",
        ApplicationPhase.Open => "open",
        ApplicationPhase.Closed => "closed",
        _ => "unknown",
    };
}
