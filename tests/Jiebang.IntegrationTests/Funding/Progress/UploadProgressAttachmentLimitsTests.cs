using System.Net;
using Jiebang.IntegrationTests.Applications.Attachments;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Funding.Progress;

public abstract class UploadProgressAttachmentLimitsTests(JiebangHost host) : HostTests(host)
{
    private const int MaxPerReport = 20;

    [Fact]
    public async Task A_report_takes_twenty_attachments_and_the_twenty_first_is_refused_and_stores_nothing()
    {
        var (tf, applicant, signed, reportId) = await UploadProgressAttachmentTests.ReportAsync(Host);
        var pdf = TestFiles.Pdf();
        for (var i = 1; i <= MaxPerReport; i++)
        {
            await UploadProgressAttachmentTests.Upload(applicant, reportId, $"凭证{i:D2}.pdf", pdf).Expect(HttpStatusCode.Created);
        }

        await DatabaseSnapshot.Unchanged(Host, () => UploadProgressAttachmentTests.Upload(applicant, reportId, "凭证21.pdf", pdf)
            .ExpectProblem(HttpStatusCode.Conflict, "funding.too_many_attachments"));
        var detail = await tf.GetAsync($"/api/v1/agreements/{signed["id"]}").Expect(HttpStatusCode.OK);
        Assert.Equal(MaxPerReport, detail["progressReports"]![0]!["attachments"]!.AsArray().Count);
    }
}

public sealed class UploadProgressAttachmentLimitsTestsOnSqlite(SqliteHost host) : UploadProgressAttachmentLimitsTests(host), IClassFixture<SqliteHost>;
public sealed class UploadProgressAttachmentLimitsTestsOnPostgres(PostgresHost host) : UploadProgressAttachmentLimitsTests(host), IClassFixture<PostgresHost>;
public sealed class UploadProgressAttachmentLimitsTestsOnSqlServer(SqlServerHost host) : UploadProgressAttachmentLimitsTests(host), IClassFixture<SqlServerHost>;
