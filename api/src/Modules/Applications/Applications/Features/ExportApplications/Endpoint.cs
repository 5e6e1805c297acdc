using System.Globalization;
using Dapper;
using FastEndpoints;
using Jiebang.Applications.Domain;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Jiebang.Platform.Time;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace Jiebang.Applications.Features.ExportApplications;

internal sealed class Endpoint(DbConnectionFactory db, TimeProvider clock) : Endpoint<Request>
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public override void Configure()
    {
        Get("/api/v1/applications/export");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor);
        Description(b => b.Api("Applications_Export", "Applications", "导出申报汇总表（Excel） / Export applications as an Excel workbook",
                "One row per application of the batch and/or challenge (at least one filter is required), with Chinese column headers. " +
                "自筹研发投入 is in 万元, rounded half away from zero to 2 places; times are Beijing time (Asia/Shanghai).")
            .Produces<Stream>(StatusCodes.Status200OK, ContentType).Problems(400, 401, 403), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        var where = ListApplications.Data.Visible(caller)
            .AndIf(req.Batch is not null, "a.batch_id = @Batch")
            .AndIf(req.Challenge is not null, "a.challenge_id = @Challenge");
        var args = new { Org = caller.OrganisationId, DistrictPrefix = caller.DistrictCode + "%", Now = clock.GetUtcNow(), req.Batch, req.Challenge };
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

        var sheet = rows.Select(r => new SheetRow
        {
            Code = r.Code, ChallengeCode = r.ChallengeCode, ChallengeTitle = r.ChallengeTitle, Lead = r.LeadOrganisationName,
            RegionCode = r.LeadRegionCode,
            Members = string.Join("；", members[r.Id].Where(m => m.Role != ConsortiumRole.Lead)
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.OrganisationName}（{m.BudgetShareBp / 100m:0.##}%）"))),
            Status = Labels.Status(r.Status), Eligibility = Labels.Eligibility(r.Eligibility), OwnInvestmentWan = Labels.Wan(r.OwnInvestmentFen),
            SubmittedVersion = r.SubmittedVersion, SubmittedAt = r.SubmittedAt is { } at ? Shanghai.ToLocal(at).DateTime : null,
            Demo = r.IsDemo ? "是" : "否",
        }).ToList();

        using var buffer = new MemoryStream();
        // The synchronous writer, into memory: MiniExcel 1.46's SaveAsAsync puts <drawing> inside <sheetData>, which
        // the OpenXML schema forbids (Excel may offer to "repair" the file); SaveAs writes it where it belongs.
        buffer.SaveAs(sheet, sheetName: "申报汇总");
        var stamp = Shanghai.ToLocal(clock.GetUtcNow()).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var scope = req.Challenge is not null && rows.Count > 0 ? $"{rows[0].ChallengeCode}-" : "";
        HttpContext.Response.Headers.CacheControl = "private, no-store";
        await Send.ResultAsync(TypedResults.File(buffer.ToArray(), ContentType, $"申报汇总-{scope}{stamp}.xlsx"));
    }
}
