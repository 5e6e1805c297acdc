using System.Net.Http.Headers;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Applications.Attachments;

public abstract partial class AttachmentTests
{
    [Fact]
    public async Task The_applicant_downloads_the_same_bytes_with_the_content_type_and_an_rfc5987_file_name()
    {
        var (_, draft) = await DraftAsync();
        var applicant = await Host.As(Cast.Applicant);
        var bytes = TestFiles.Docx("下载测试");
        var stored = await Upload(applicant, draft, "技术方案 第2版.docx", bytes).Expect(HttpStatusCode.Created);

        var response = await applicant.GetAsync($"/api/v1/applications/{draft["id"]}/attachments/{stored["id"]}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("技术方案 第2版.docx", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString("技术方案 第2版.docx"), response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        await applicant.GetAsync($"/api/v1/applications/{draft["id"]}/attachments/{Guid.NewGuid()}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        var (_, other) = await DraftAsync();
        await applicant.GetAsync($"/api/v1/applications/{other["id"]}/attachments/{stored["id"]}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task The_issuer_gets_404_before_the_deadline_and_the_bytes_after_it_while_other_organisations_never_see_them()
    {
        var (_, draft) = await DraftAsync();
        var applicant = await Host.As(Cast.Applicant);
        var bytes = TestFiles.Pdf();
        var stored = await Upload(applicant, draft, "技术方案.pdf", bytes).Expect(HttpStatusCode.Created);
        await applicant.PostJson($"/api/v1/applications/{draft["id"]}/submit").Expect(HttpStatusCode.OK);
        var url = $"/api/v1/applications/{draft["id"]}/attachments/{stored["id"]}";
        var issuer = await Host.As(Cast.IssuerA);
        var otherIssuer = await Host.As(Cast.IssuerB);
        var otherApplicant = await AnotherApplicantAsync();

        await issuer.GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await otherIssuer.GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await otherApplicant.GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await (await Host.As(Cast.Expert)).GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await Host.WithApiKey(Host.Cast.OtherDistrictKey).GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(bytes, await (await Host.WithApiKey(Host.Cast.DistrictKey).GetAsync(url)).Content.ReadAsByteArrayAsync());
        Assert.Equal(bytes, await (await (await Host.As(Cast.TaskForce)).GetAsync(url)).Content.ReadAsByteArrayAsync());
        Assert.Equal(bytes, await (await (await Host.As(Cast.Auditor)).GetAsync(url)).Content.ReadAsByteArrayAsync());

        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)draft["closesAt"]!, System.Globalization.CultureInfo.InvariantCulture));
            var response = await issuer.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            await otherIssuer.GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
            await otherApplicant.GetAsync(url).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}
