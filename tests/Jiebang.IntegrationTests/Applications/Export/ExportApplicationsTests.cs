using System.Net;
using Jiebang.IntegrationTests.Infrastructure;
using MiniExcelLibs;

namespace Jiebang.IntegrationTests.Applications.Export;

public abstract class ExportApplicationsTests(JiebangHost host) : HostTests(host)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Headers =
    [
        "申报编号", "技术需求编号", "技术需求名称", "牵头单位", "注册地区代码", "联合单位", "状态", "资格审查",
        "自筹研发投入（万元）", "已提交版本", "提交时间（北京时间）", "演示数据",
    ];

    /// <summary>Reads a workbook back: its header row, and each data row keyed by header.</summary>
    private static (string[] Headers, List<IDictionary<string, object?>> Rows) Read(byte[] workbook)
    {
        var firstRow = MiniExcel.Query(new MemoryStream(workbook)).Cast<IDictionary<string, object?>>().First();
        var headers = firstRow.Values.Select(h => h?.ToString() ?? "").ToArray();
        var rows = MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        return (headers, rows);
    }

    /// <summary>MiniExcel's async writer (1.46) puts &lt;drawing&gt; inside &lt;sheetData&gt;; the export must not.</summary>
    private static bool WellOrdered(byte[] workbook)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(workbook));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = reader.ReadToEnd();
        var drawing = xml.IndexOf(":drawing ", StringComparison.Ordinal);
        return drawing < 0 || drawing > xml.IndexOf("</x:sheetData>", StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> ExportAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/applications/export?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    [Fact]
    public async Task The_task_force_gets_a_workbook_with_chinese_headers_and_one_row_per_application_in_wan_yuan()
    {
        var (challenge, batch) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var consortium = ApplicationBodies.Complete(challenge,
        [
            new { organisationId = Host.Cast.ApplicantOrg, role = "Lead", budgetShareBp = 6000 },
            new { organisationId = Host.Cast.MemberOrg, role = "Member", budgetShareBp = 4000 },
        ]);
        // 12,345,650.00 元 = 1,234.565 万元: half away from zero gives 1,234.57 (banker's rounding would give .56).
        consortium["ownInvestmentFen"] = 1_234_565_000L;
        var submitted = await applicant.PostJson("/api/v1/applications", consortium).Expect(HttpStatusCode.Created);
        await Consortia.ConfirmAllAsync(Host, (string)submitted["id"]!);
        await applicant.PostJson($"/api/v1/applications/{submitted["id"]}/submit").Expect(HttpStatusCode.OK);
        var draft = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);

        var response = await ExportAsync(await Host.As(Cast.TaskForce), $"batch={batch["id"]}");
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.StartsWith("申报汇总-", disposition.FileNameStar);
        Assert.EndsWith(".xlsx", disposition.FileNameStar);

        var workbook = await response.Content.ReadAsByteArrayAsync();
        var (headers, rows) = Read(workbook);
        Assert.True(WellOrdered(workbook), "<drawing> must follow <sheetData>, as the OpenXML schema orders a worksheet");
        Assert.Equal(Headers, headers);
        Assert.Equal([(string)submitted["code"]!, (string)draft["code"]!], rows.Select(r => (string)r["申报编号"]!));

        var first = rows[0];
        Assert.Equal((string?)challenge["code"], first["技术需求编号"]);
        Assert.Equal((string?)challenge["title"], first["技术需求名称"]);
        Assert.Equal("测试揭榜高校", first["牵头单位"]);
        Assert.Equal("110108", first["注册地区代码"]?.ToString());
        Assert.Equal("测试联合企业（40%）", first["联合单位"]);
        Assert.Equal("已提交", first["状态"]);
        Assert.Equal("未审查", first["资格审查"]);
        Assert.Equal(1234.57m, Convert.ToDecimal(first["自筹研发投入（万元）"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, Convert.ToInt32(first["已提交版本"], System.Globalization.CultureInfo.InvariantCulture));
        // The host clock stands at 2026-11-28 10:00 Beijing time (02:00 UTC).
        Assert.Equal(new DateTime(2026, 11, 28, 10, 0, 0), first["提交时间（北京时间）"]);
        Assert.Equal("否", first["演示数据"]);

        var second = rows[1];
        Assert.Equal("草稿", second["状态"]);
        Assert.Equal(300.00m, Convert.ToDecimal(second["自筹研发投入（万元）"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(second["提交时间（北京时间）"]);
        Assert.True(second["联合单位"] is null or "");

        var byChallenge = await ExportAsync(await Host.As(Cast.Auditor), $"challenge={challenge["id"]}");
        Assert.Equal(2, Read(await byChallenge.Content.ReadAsByteArrayAsync()).Rows.Count);
        Assert.Contains((string)challenge["code"]!, byChallenge.Content.Headers.ContentDisposition!.FileNameStar);

        var (elsewhere, _) = await Scenario.PublishedAsync();
        var both = await ExportAsync(await Host.As(Cast.TaskForce), $"batch={batch["id"]}&challenge={elsewhere["id"]}");
        var empty = Read(await both.Content.ReadAsByteArrayAsync());
        Assert.Equal(Headers, empty.Headers);
        Assert.Empty(empty.Rows);
    }

    [Fact]
    public async Task An_export_without_a_batch_or_challenge_is_refused_with_400()
    {
        var problem = await (await Host.As(Cast.TaskForce)).GetAsync("/api/v1/applications/export")
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]!["batch"]);
    }

    [Fact]
    public async Task Applicants_issuers_experts_and_district_portals_get_403()
    {
        var (_, batch) = await Scenario.PublishedAsync();
        var url = $"/api/v1/applications/export?batch={batch["id"]}";
        foreach (var user in new[] { Cast.Applicant, Cast.IssuerA, Cast.Expert })
        {
            await (await Host.As(user)).GetAsync(url).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        }
        await Host.WithApiKey(Host.Cast.DistrictKey).GetAsync(url).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await Host.Anonymous().GetAsync(url).ExpectProblem(HttpStatusCode.Unauthorized, "auth.required");
    }
}

public sealed class ExportApplicationsTestsOnSqlite(SqliteHost host) : ExportApplicationsTests(host), IClassFixture<SqliteHost>;
public sealed class ExportApplicationsTestsOnPostgres(PostgresHost host) : ExportApplicationsTests(host), IClassFixture<PostgresHost>;
public sealed class ExportApplicationsTestsOnSqlServer(SqlServerHost host) : ExportApplicationsTests(host), IClassFixture<SqlServerHost>;
