using System.Globalization;
using Dapper;
using Jiebang.Applications.Domain;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Jobs;
using Jiebang.Platform.Time;
using MiniExcelLibs;

namespace Jiebang.Applications.Features.ExportApplications;

/// <summary>
/// The applications workbook, built the same way for the synchronous export and the export job (a read: safe to rerun).
/// Progress counts applications turned into rows.
/// </summary>
internal static class Workbook
{
    private const int ReportEvery = 200;

    public static async Task<(JobFile File, int Rows)> BuildAsync(DbConnectionFactory db, Caller caller, Guid? batch, Guid? challenge, DateTimeOffset now,
        Func<int, int, Task>? progress, CancellationToken ct)
    {
        var where = ListApplications.Data.Visible(caller)
            .AndIf(batch is not null, "a.batch_id = @Batch")
            .AndIf(challenge is not null, "a.challenge_id = @Challenge");
        var args = new { Org = caller.OrganisationId, DistrictPrefix = caller.DistrictCode + "%", Now = now, Batch = batch, Challenge = challenge };
        List<ExportRow> rows;
        ILookup<Guid, ExportMember> members;
        await using (var connection = await db.OpenAsync(ct))
        {
            rows = (await connection.QueryAsync<ExportRow>(
                $"SELECT {Data.Columns} FROM applications_application a {where.Sql} ORDER BY a.code, a.id", args)).AsList();
            members = (await connection.QueryAsync<ExportMember>(
                    $"SELECT {Data.MemberColumns} FROM applications_member m JOIN applications_application a ON a.id = m.application_id {where.Sql} ORDER BY m.application_id, m.ordinal",
                    args))
                .ToLookup(m => m.ApplicationId);
        }

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
                Status = Labels.Status(r.Status), Eligibility = Labels.Eligibility(r.Eligibility), OwnInvestmentWan = Labels.Wan(r.OwnInvestmentFen),
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
        return (new JobFile($"申报汇总-{scope}{stamp}.xlsx", Endpoint.ContentType, buffer.ToArray()), rows.Count);
    }
}
