namespace Jiebang.Applications.Contracts;

/// <summary>What a person reads for an application's state, in Chinese and in English.</summary>
public static class ApplicationStatusNames
{
    public static string Chinese(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "草稿",
        ApplicationStatus.Submitted => "已提交",
        ApplicationStatus.Eligible => "形式审查通过",
        ApplicationStatus.Ineligible => "形式审查未通过",
        ApplicationStatus.UnderReview => "评审中",
        ApplicationStatus.Recommended => "推荐",
        ApplicationStatus.NotRecommended => "未推荐",
        ApplicationStatus.Matched => "已对接",
        ApplicationStatus.Selected => "入选",
        ApplicationStatus.NotSelected => "未入选",
        ApplicationStatus.Contracted => "已签约",
        ApplicationStatus.Withdrawn => "已撤回",
        _ => "未知状态",
    };

    public static string English(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "a draft",
        ApplicationStatus.Submitted => "submitted",
        ApplicationStatus.Eligible => "eligible",
        ApplicationStatus.Ineligible => "ineligible",
        ApplicationStatus.UnderReview => "under review",
        ApplicationStatus.Recommended => "recommended",
        ApplicationStatus.NotRecommended => "not recommended",
        ApplicationStatus.Matched => "matched",
        ApplicationStatus.Selected => "selected",
        ApplicationStatus.NotSelected => "not selected",
        ApplicationStatus.Contracted => "contracted",
        ApplicationStatus.Withdrawn => "withdrawn",
        _ => "in an unknown state",
    };
}
