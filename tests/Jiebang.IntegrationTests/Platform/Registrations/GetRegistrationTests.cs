using System.Net;
using Jiebang.IntegrationTests.Applications.Attachments;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Registrations;

public abstract partial class RegistrationsTests
{
    [Fact]
    public async Task The_task_force_reads_a_registration_with_its_etag_and_downloads_the_licence_others_may_not()
    {
        var code = NewCode();
        var accepted = await SubmitAsync(code);
        var id = (string)accepted["reference"]!;
        var tf = await Host.As(Cast.TaskForce);
        var response = await tf.GetAsync($"{Url}/{id}");
        var detail = await Task.FromResult(response).Expect(HttpStatusCode.OK);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(id, (string?)detail["id"]);
        Assert.Equal("王法人", (string?)detail["legalRepresentative"]);
        Assert.Equal("赵管理", (string?)detail["adminDisplayName"]);
        Assert.Equal("13912345678", (string?)detail["adminMobile"]);
        Assert.Equal("admin@example.cn", (string?)detail["adminEmail"]);
        Assert.Equal("企业", (string?)detail["orgTypeName"]);
        Assert.Equal("110108", (string?)detail["regionCode"]);
        Assert.Equal("北京市海淀区", (string?)detail["regionName"]);
        Assert.True((bool)detail["mainland"]!);
        Assert.Equal("营业执照.pdf", (string?)detail["licence"]!["fileName"]);
        Assert.Equal("application/pdf", (string?)detail["licence"]!["contentType"]);
        Assert.Equal(TestFiles.Pdf().Length, (long)detail["licence"]!["size"]!);
        Assert.Null(detail["existingOrganisation"]);
        Assert.False((bool)detail["userNameTaken"]!);
        Assert.Equal("Pending", (string?)detail["status"]);
        Assert.Null(detail["adminPassword"]);
        Assert.Null(detail["adminPasswordHash"]);

        foreach (var who in new[] { Cast.TaskForce, Cast.Auditor })
        {
            var file = await (await Host.As(who)).GetAsync($"{Url}/{id}/licence");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TestFiles.Pdf(), await file.Content.ReadAsByteArrayAsync());
            Assert.Contains("no-store", file.Headers.CacheControl?.ToString());
        }
        await (await Host.As(Cast.Auditor)).GetAsync($"{Url}/{id}").Expect(HttpStatusCode.OK);
        await tf.GetAsync($"{Url}/{Guid.NewGuid()}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await tf.GetAsync($"{Url}/{Guid.NewGuid()}/licence").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        var applicant = await Host.As(Cast.Applicant);
        await applicant.GetAsync($"{Url}/{id}").Expect(HttpStatusCode.Forbidden);
        await applicant.GetAsync($"{Url}/{id}/licence").Expect(HttpStatusCode.Forbidden);
        await Host.Anonymous().GetAsync($"{Url}/{id}/licence").Expect(HttpStatusCode.Unauthorized);
    }
}
