using FastEndpoints;
using FluentValidation;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Domain;
using MiniExcelLibs.Attributes;

namespace Jiebang.Applications.Features.ExportApplications;

/// <summary>Which applications to export: those of a batch, of a challenge, or both filters at once.</summary>
internal sealed class Request
{
    public Guid? Batch { get; set; }
    public Guid? Challenge { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Batch).NotNull().When(x => x.Challenge is null)
            .WithMessage("须指定批次（batch）或技术需求（challenge） / Give a batch or a challenge to export");
    }
}

/// <summary>An application as read for the export.</summary>
internal sealed class ExportRow
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string ChallengeCode { get; set; } = "";
    public string ChallengeTitle { get; set; } = "";
    public string LeadOrganisationName { get; set; } = "";
    public string LeadRegionCode { get; set; } = "";
    public ApplicationStatus Status { get; set; }
    public EligibilityOutcome? Eligibility { get; set; }
    public long OwnInvestmentFen { get; set; }
    public int SubmittedVersion { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public bool IsDemo { get; set; }
}

internal sealed class ExportMember
{
    public Guid ApplicationId { get; set; }
    public string OrganisationName { get; set; } = "";
    public ConsortiumRole Role { get; set; }
    public int BudgetShareBp { get; set; }
}

/// <summary>One line of the workbook; the column names are what the task force reads.</summary>
internal sealed class SheetRow
{
    [ExcelColumn(Name = "申报编号", Width = 24)]
    public string Code { get; set; } = "";

    [ExcelColumn(Name = "技术需求编号", Width = 20)]
    public string ChallengeCode { get; set; } = "";

    [ExcelColumn(Name = "技术需求名称", Width = 36)]
    public string ChallengeTitle { get; set; } = "";

    [ExcelColumn(Name = "牵头单位", Width = 30)]
    public string Lead { get; set; } = "";

    [ExcelColumn(Name = "注册地区代码", Width = 14)]
    public string RegionCode { get; set; } = "";

    [ExcelColumn(Name = "联合单位", Width = 40)]
    public string Members { get; set; } = "";

    [ExcelColumn(Name = "状态", Width = 14)]
    public string Status { get; set; } = "";

    [ExcelColumn(Name = "资格审查", Width = 10)]
    public string Eligibility { get; set; } = "";

    [ExcelColumn(Name = "自筹研发投入（万元）", Width = 20, Format = "0.00")]
    public decimal OwnInvestmentWan { get; set; }

    [ExcelColumn(Name = "已提交版本", Width = 12)]
    public int SubmittedVersion { get; set; }

    [ExcelColumn(Name = "提交时间（北京时间）", Width = 22, Format = "yyyy-MM-dd HH:mm:ss")]
    public DateTime? SubmittedAt { get; set; }

    [ExcelColumn(Name = "演示数据", Width = 10)]
    public string Demo { get; set; } = "";
}

internal static class Labels
{
    public static string Status(ApplicationStatus status) => status switch
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
        _ => status.ToString(),
    };

    public static string Eligibility(EligibilityOutcome? outcome) => outcome switch
    {
        EligibilityOutcome.Eligible => "合格",
        EligibilityOutcome.Ineligible => "不合格",
        _ => "未审查",
    };

    /// <summary>Fen to 万元 (1 万元 = 1,000,000 fen) in decimal arithmetic, rounded half away from zero (四舍五入) to 2 places.</summary>
    public static decimal Wan(long fen) => Math.Round(fen / 1_000_000m, 2, MidpointRounding.AwayFromZero);
}
