using System.Net;
using System.Net.Http.Headers;
using Jiebang.IntegrationTests.Applications.Attachments;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Funding.Progress;

public abstract class UploadProgressAttachmentLimitTests(JiebangHost host) : HostTests(host)
{
    private const int MaxPerReport = 20;

    private static Task<HttpResponseMessage> Upload(HttpClient client, string reportId, string fileName, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        return client.PostAsync($"/api/v1/progress-reports/{reportId}/attachments", new MultipartFormDataContent { { file, "file", fileName } });
    }

    [Fact]
    public async Task A_report_takes_twenty_attachments_and_the_twenty_first_is_refused_and_stores_nothing()
    {
        var (batchId, selected) = await new FundingScenario(Host).SelectedAsync(1, withApplicantUser: true);
        var tf = await Host.As(Cast.TaskForce);
        var applicant = await Host.As(Cast.Applicant);
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(1_000_000_000L)).Expect(HttpStatusCode.Created);
        var signed = await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(selected[0].ApplicationId)).Expect(HttpStatusCode.Created);
        var report = await applicant.PostJson($"/api/v1/agreements/{signed["id"]}/progress-reports",
            new { milestoneIndex = 0, issuerInvestmentFen = 600_000L, applicantInvestmentFen = 400_000L }).Expect(HttpStatusCode.Created);
        var reportId = (string)report["id"]!;
        var pdf = TestFiles.Pdf();
        for (var i = 1; i <= MaxPerReport; i++)
        {
            await Upload(applicant, reportId, $"凭证{i:D2}.pdf", pdf).Expect(HttpStatusCode.Created);
        }

        await DatabaseSnapshot.Unchanged(Host, () => Upload(applicant, reportId, "凭证21.pdf", pdf)
            .ExpectProblem(HttpStatusCode.Conflict, "funding.too_many_attachments"));
        var detail = await tf.GetAsync($"/api/v1/agreements/{signed["id"]}").Expect(HttpStatusCode.OK);
        Assert.Equal(MaxPerReport, detail["progressReports"]![0]!["attachments"]!.AsArray().Count);
    }
}

public sealed class UploadProgressAttachmentLimitTestsOnSqlite(SqliteHost host) : UploadProgressAttachmentLimitTests(host), IClassFixture<SqliteHost>;
public sealed class UploadProgressAttachmentLimitTestsOnPostgres(PostgresHost host) : UploadProgressAttachmentLimitTests(host), IClassFixture<PostgresHost>;
public sealed class UploadProgressAttachmentLimitTestsOnSqlServer(SqlServerHost host) : UploadProgressAttachmentLimitTests(host), IClassFixture<SqlServerHost>;
