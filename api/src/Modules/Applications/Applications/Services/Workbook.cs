using System.Globalization;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Data;
using Jiebang.Applications.Domain;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Jobs;
using Jiebang.Platform.Time;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace Jiebang.Applications.Services;

/// <summary>
/// The applications workbook, built the same way for the synchronous export and the export job (a read: safe to rerun).
/// Progress counts applications turned into rows.
/// </summary>
internal static class Workbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const int ReportEvery = 200;

    public static async Task<(JobFile File, int Rows)> BuildAsync(DbConnectionFactory db, Caller caller, Guid? batch, Guid? challenge,
        DateTimeOffset now, Func<int, int, Task>? progress, CancellationToken ct)
    {
        var (rows, members) = await ExportStore.ReadAsync(db, caller, batch, challenge, now, ct);

        var sheet = new List<SheetRow>(rows.Count);
        foreach (var r in rows)
        {
            if (progress is not null && sheet.Count % ReportEvery == 0)
            {
                await progress(sheet.Count, rows.Count);
            }
            sheet.Add(new SheetRow
            {
                Code = r.Code, ChallengeCode = r.ChallengeCode, ChallengeTitle = r.ChallengeTitle, Lead = r.LeadOrganisationName,
                RegionCode = r.LeadRegionCode,
                Members = string.Join("；", members[r.Id].Where(m => m.Role != ConsortiumRole.Lead)
                    .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.OrganisationName}（{m.BudgetShareBp / 100m:0.##}%）"))),
                Status = ApplicationStatusNames.Chinese(r.Status), Eligibility = Labels.Eligibility(r.Eligibility),
                OwnInvestmentWan = Labels.Wan(r.OwnInvestmentFen),
                SubmittedVersion = r.SubmittedVersion, SubmittedAt = r.SubmittedAt is { } at ? Shanghai.ToLocal(at).DateTime : null,
                Demo = r.IsDemo ? "是" : "否",
            });
        }
        if (progress is not null)
        {
            await progress(sheet.Count, rows.Count);
        }

        using var buffer = new MemoryStream();
        // The synchronous writer, into memory: MiniExcel 1.46's SaveAsAsync puts <drawing> inside <sheetData>, which
        // the OpenXML schema forbids (Excel may offer to "repair" the file); SaveAs writes it where it belongs.
        buffer.SaveAs(sheet, sheetName: "申报汇总");
        var stamp = Shanghai.ToLocal(now).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var scope = challenge is not null && rows.Count > 0 ? $"{rows[0].ChallengeCode}-" : "";
        return (new JobFile($"申报汇总-{scope}{stamp}.xlsx", ContentType, buffer.ToArray()), rows.Count);
    }
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
    public static string Eligibility(EligibilityOutcome? outcome) => outcome switch
    {
        EligibilityOutcome.Eligible => "合格",
        EligibilityOutcome.Ineligible => "不合格",
        _ => "未审查",
    };

    /// <summary>Fen to 万元 (1 万元 = 1,000,000 fen) in decimal arithmetic, rounded half away from zero (四舍五入) to 2 places.</summary>
    public static decimal Wan(long fen) => Math.Round(fen / 1_000_000m, 2, MidpointRounding.AwayFromZero);
}
