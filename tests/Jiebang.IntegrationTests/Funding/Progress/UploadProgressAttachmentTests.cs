using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Applications.Attachments;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Funding.Progress;

public abstract class UploadProgressAttachmentTests(JiebangHost host) : HostTests(host)
{
    /// <summary>
    /// A signed agreement with an undecided progress report filed by the applicant. The applicant user's organisation is
    /// then a partner of issuer A, so one such agreement per database (per test class).
    /// </summary>
    internal static async Task<(HttpClient TaskForce, HttpClient Applicant, JsonNode Agreement, string ReportId)> ReportAsync(JiebangHost host)
    {
        var (batchId, selected) = await new FundingScenario(host).SelectedAsync(1, withApplicantUser: true);
        var tf = await host.As(Cast.TaskForce);
        var applicant = await host.As(Cast.Applicant);
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);
        var signed = await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(selected[0].ApplicationId)).Expect(HttpStatusCode.Created);
        var report = await applicant.PostJson($"/api/v1/agreements/{signed["id"]}/progress-reports",
            new { milestoneIndex = 0, issuerInvestmentFen = 600_000L, applicantInvestmentFen = 400_000L }).Expect(HttpStatusCode.Created);
        return (tf, applicant, signed, (string)report["id"]!);
    }

    internal static Task<HttpResponseMessage> Upload(HttpClient client, string reportId, string fileName, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        return client.PostAsync($"/api/v1/progress-reports/{reportId}/attachments", new MultipartFormDataContent { { file, "file", fileName } });
    }

    [Fact]
    public async Task Parties_attach_checked_files_to_an_undecided_report_and_only_parties_task_force_and_auditors_download_them()
    {
        var (tf, applicant, signed, reportId) = await ReportAsync(Host);
        var otherIssuer = await Host.As(Cast.IssuerB);
        var pdf = TestFiles.Pdf();

        await DatabaseSnapshot.Unchanged(Host, () => Upload(otherIssuer, reportId, "发票.pdf", pdf).ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        await DatabaseSnapshot.Unchanged(Host, () => Upload(applicant, reportId, "发票.pdf", TestFiles.Png())
            .ExpectProblem(HttpStatusCode.BadRequest, "attachment.type_mismatch"));
        await DatabaseSnapshot.Unchanged(Host, () => Upload(applicant, reportId, "发票.exe", pdf)
            .ExpectProblem(HttpStatusCode.BadRequest, "attachment.type_not_allowed"));
        await DatabaseSnapshot.Unchanged(Host, () => Upload(applicant, reportId, "发票.pdf", TestFiles.Pdf(padTo: (int)JiebangHost.AttachmentMaxBytes + 1))
            .ExpectProblem(HttpStatusCode.RequestEntityTooLarge, "attachment.too_large"));

        var uploaded = await Upload(applicant, reportId, "阶段审计报告.pdf", pdf).Expect(HttpStatusCode.Created);
        Assert.Equal("application/pdf", (string?)uploaded["contentType"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), (string?)uploaded["sha256"]);
        var url = $"/api/v1/progress-reports/{reportId}/attachments/{uploaded["id"]}";
        var detail = await tf.GetAsync($"/api/v1/agreements/{signed["id"]}").Expect(HttpStatusCode.OK);
        Assert.Equal("阶段审计报告.pdf", (string?)detail["progressReports"]![0]!["attachments"]![0]!["fileName"]);

        foreach (var reader in new[] { tf, applicant, await Host.As(Cast.IssuerA), await Host.As(Cast.Auditor) })
        {
            var response = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        }
        await otherIssuer.GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await tf.GetAsync($"/api/v1/progress-reports/{Guid.NewGuid()}/attachments/{uploaded["id"]}").ExpectProblem(HttpStatusCode.NotFound, "not_found");

        var verified = await tf.PostJson($"/api/v1/progress-reports/{reportId}/verify",
            new { verifiedIssuerFen = 600_000L, verifiedApplicantFen = 400_000L }).Expect(HttpStatusCode.OK);
        Assert.Single(verified["attachments"]!.AsArray());
        await DatabaseSnapshot.Unchanged(Host, () => Upload(applicant, reportId, "补充.pdf", pdf)
            .ExpectProblem(HttpStatusCode.Conflict, "funding.report_already_decided"));
        var audit = await tf.GetAsync($"/api/v1/audit?entityId={reportId}&action=UploadAttachment").Expect(HttpStatusCode.OK);
        Assert.Single(audit["items"]!.AsArray());
    }
}

public sealed class UploadProgressAttachmentTestsOnSqlite(SqliteHost host) : UploadProgressAttachmentTests(host), IClassFixture<SqliteHost>;
public sealed class UploadProgressAttachmentTestsOnPostgres(PostgresHost host) : UploadProgressAttachmentTests(host), IClassFixture<PostgresHost>;
public sealed class UploadProgressAttachmentTestsOnSqlServer(SqlServerHost host) : UploadProgressAttachmentTests(host), IClassFixture<SqlServerHost>;
