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
    public async Task A_pdf_png_docx_and_xlsx_are_accepted_with_the_detected_type_size_and_sha256_and_listed_on_the_application()
    {
        var (_, draft) = await DraftAsync();
        var applicant = await Host.As(Cast.Applicant);
        var filesBefore = Directory.GetFiles(Host.AttachmentsPath).Length;
        (string Name, byte[] Bytes, string Type)[] files =
        [
            ("技术方案.pdf", TestFiles.Pdf(), "application/pdf"),
            ("样机照片.PNG", TestFiles.Png(), "image/png"),
            ("团队简介.docx", TestFiles.Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("预算明细.xlsx", TestFiles.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ];
        foreach (var (name, bytes, type) in files)
        {
            // Uploads are listed in the order they arrived; the test clock stands still, so it moves a second per upload
            // (within one instant the order of version-7 ids is not defined).
            Host.Clock.SetUtcNow(Host.Clock.GetUtcNow().AddSeconds(1));
            // What the client claims is ignored; the type comes from the content.
            var stored = await Upload(applicant, draft, name, bytes, "text/plain").Expect(HttpStatusCode.Created);
            Assert.Equal(name, (string?)stored["fileName"]);
            Assert.Equal(type, (string?)stored["contentType"]);
            Assert.Equal(bytes.Length, (long)stored["sizeBytes"]!);
            Assert.Equal(Sha256(bytes), (string?)stored["sha256"]);
        }

        var detail = await applicant.GetAsync($"/api/v1/applications/{draft["id"]}").Expect(HttpStatusCode.OK);
        Assert.Equal(files.Select(f => f.Name), detail["attachments"]!.AsArray().Select(a => (string)a!["fileName"]!));
        Assert.Equal(filesBefore + files.Length, Directory.GetFiles(Host.AttachmentsPath).Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(Host.AttachmentsPath, "incoming")));
        Assert.Equal(draft["version"]!.ToString(), detail["version"]!.ToString());

        var audit = await (await Host.As(Cast.TaskForce)).GetAsync($"/api/v1/audit?entityType=Application&entityId={draft["id"]}").Expect(HttpStatusCode.OK);
        Assert.Equal(files.Length, audit["items"]!.AsArray().Count(a => (string?)a!["action"] == "UploadAttachment"));
    }

    [Fact]
    public async Task A_file_name_keeps_only_its_last_segment_without_control_characters()
    {
        var (_, draft) = await DraftAsync();
        var applicant = await Host.As(Cast.Applicant);
        var stored = await Upload(applicant, draft, "C:\\Users\\张三\\..\\申报\u0007材料.pdf", TestFiles.Pdf()).Expect(HttpStatusCode.Created);
        Assert.Equal("申报材料.pdf", (string?)stored["fileName"]);
        var nested = await Upload(applicant, draft, "../../etc/附件.pdf", TestFiles.Pdf()).Expect(HttpStatusCode.Created);
        Assert.Equal("附件.pdf", (string?)nested["fileName"]);
        var longName = new string('长', 300) + ".pdf";
        var cut = await Upload(applicant, draft, longName, TestFiles.Pdf()).Expect(HttpStatusCode.Created);
        Assert.Equal(255, ((string)cut["fileName"]!).Length);
        Assert.EndsWith("长.pdf", (string?)cut["fileName"]);
    }

    [Fact]
    public async Task Content_that_does_not_match_the_extension_or_is_not_allowed_is_refused_and_nothing_is_stored()
    {
        var (_, draft) = await DraftAsync();
        var applicant = await Host.As(Cast.Applicant);
        var kept = await Upload(applicant, draft, "kept.pdf", TestFiles.Pdf()).Expect(HttpStatusCode.Created);

        await NothingStored(() => Upload(applicant, draft, "照片.pdf", TestFiles.Png(), "application/pdf")
            .ExpectProblem(HttpStatusCode.BadRequest, "attachment.type_mismatch"));
        await NothingStored(() => Upload(applicant, draft, "说明.pdf", Encoding.UTF8.GetBytes("这只是一段文字，不是PDF。"), "application/pdf")
            .ExpectProblem(HttpStatusCode.BadRequest, "attachment.type_mismatch"));
        await NothingStored(() => Upload(applicant, draft, "方案.xlsx", TestFiles.Docx())
            .ExpectProblem(HttpStatusCode.BadRequest, "attachment.type_mismatch"));
        await NothingStored(() => Upload(applicant, draft, "方案.docx", TestFiles.PlainZip())
            .ExpectProblem(HttpStatusCode.BadRequest, "attachment.type_mismatch"));
        await NothingStored(() => Upload(applicant, draft, "说明.txt", Encoding.UTF8.GetBytes("plain text"))
            .ExpectProblem(HttpStatusCode.BadRequest, "attachment.type_not_allowed"));
        await NothingStored(() => Upload(applicant, draft, "setup.exe", [0x4D, 0x5A, 0x90, 0x00])
            .ExpectProblem(HttpStatusCode.BadRequest, "attachment.type_not_allowed"));
        await NothingStored(() => Upload(applicant, draft, "技术方案", TestFiles.Pdf())
            .ExpectProblem(HttpStatusCode.BadRequest, "attachment.type_not_allowed"));
        await NothingStored(() => Upload(applicant, draft, "empty.pdf", [])
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await NothingStored(() => applicant.PostAsync($"/api/v1/applications/{draft["id"]}/attachments",
                new MultipartFormDataContent { { new StringContent("x"), "note" } })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var detail = await applicant.GetAsync($"/api/v1/applications/{draft["id"]}").Expect(HttpStatusCode.OK);
        Assert.Equal([(string)kept["id"]!], detail["attachments"]!.AsArray().Select(a => (string)a!["id"]!));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_413_and_one_exactly_at_the_limit_is_accepted()
    {
        var (_, draft) = await DraftAsync();
        var applicant = await Host.As(Cast.Applicant);
        var problem = await NothingStored(() => Upload(applicant, draft, "大文件.pdf", TestFiles.Pdf((int)JiebangHost.AttachmentMaxBytes + 1))
            .ExpectProblem(HttpStatusCode.RequestEntityTooLarge, "attachment.too_large"));
        Assert.Contains(JiebangHost.AttachmentMaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)problem["detail"]);

        var atLimit = TestFiles.Pdf((int)JiebangHost.AttachmentMaxBytes);
        var stored = await Upload(applicant, draft, "刚好.pdf", atLimit).Expect(HttpStatusCode.Created);
        Assert.Equal(JiebangHost.AttachmentMaxBytes, (long)stored["sizeBytes"]!);
        Assert.Equal(Sha256(atLimit), (string?)stored["sha256"]);
    }

    [Fact]
    public async Task Only_the_lead_or_its_district_portal_may_upload_and_not_after_the_deadline()
    {
        var (_, draft) = await DraftAsync();
        var otherApplicant = await AnotherApplicantAsync();
        await NothingStored(() => Upload(otherApplicant, draft, "a.pdf", TestFiles.Pdf()).ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        await NothingStored(() => Upload(Host.WithApiKey(Host.Cast.OtherDistrictKey), draft, "a.pdf", TestFiles.Pdf())
            .ExpectProblem(HttpStatusCode.NotFound, "not_found"));
        var taskForce = await Host.As(Cast.TaskForce);
        await NothingStored(() => Upload(taskForce, draft, "a.pdf", TestFiles.Pdf()).ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        var portal = await Upload(Host.WithApiKey(Host.Cast.DistrictKey), draft, "区门户代传.pdf", TestFiles.Pdf()).Expect(HttpStatusCode.Created);
        Assert.Equal("区门户代传.pdf", (string?)portal["fileName"]);

        var applicant = await Host.As(Cast.Applicant);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)draft["closesAt"]!, System.Globalization.CultureInfo.InvariantCulture));
            await NothingStored(() => Upload(applicant, draft, "迟到.pdf", TestFiles.Pdf()).ExpectProblem(HttpStatusCode.Conflict, "application.window_closed"));
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }

    [Fact]
    public async Task A_retried_upload_with_the_same_idempotency_key_stores_one_attachment_and_leaves_no_temporary_file()
    {
        var (_, draft) = await DraftAsync();
        var portal = Host.WithApiKey(Host.Cast.DistrictKey);
        var key = Scenario.Unique("upload");
        var first = await Upload(portal, draft, "方案.pdf", TestFiles.Pdf(), idempotencyKey: key).Expect(HttpStatusCode.Created);
        var before = Stored();
        var again = await Upload(portal, draft, "方案.pdf", TestFiles.Pdf(), idempotencyKey: key);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((string?)first["id"], (string?)(await again.NodeAsync())["id"]);
        Assert.Equal(before, Stored());
        await Upload(portal, draft, "别的.png", TestFiles.Png(), idempotencyKey: key).ExpectProblem(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        Assert.Equal(before, Stored());

        // A retry that arrives after the deadline still gets the answer the upload got.
        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)draft["closesAt"]!, System.Globalization.CultureInfo.InvariantCulture));
            var late = await Upload(portal, draft, "方案.pdf", TestFiles.Pdf(), idempotencyKey: key).Expect(HttpStatusCode.Created);
            Assert.Equal((string?)first["id"], (string?)late["id"]);
            await Upload(portal, draft, "方案.pdf", TestFiles.Pdf(), idempotencyKey: Scenario.Unique("upload"))
                .ExpectProblem(HttpStatusCode.Conflict, "application.window_closed");
            Assert.Equal(before, Stored());
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}
