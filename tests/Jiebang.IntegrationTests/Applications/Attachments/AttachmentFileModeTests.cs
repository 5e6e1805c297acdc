using System.Net;
using System.Net.Http.Headers;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Applications.Attachments;

/// <summary>What units upload is readable by the host's own account only (0700 folders, 0600 files on Unix).</summary>
public abstract class AttachmentFileModeTests(JiebangHost host) : HostTests(host)
{
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_stored_attachment_and_its_folders_are_open_to_the_host_account_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes do not apply on Windows");
        var (challenge, _) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var draft = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
        var before = Directory.GetFiles(Host.AttachmentsPath).ToHashSet();

        var file = new ByteArrayContent(TestFiles.Pdf());
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        var form = new MultipartFormDataContent { { file, "file", "技术方案.pdf" } };
        await applicant.PostAsync($"/api/v1/applications/{draft["id"]}/attachments", form).Expect(HttpStatusCode.Created);

        var stored = Directory.GetFiles(Host.AttachmentsPath).Where(f => !before.Contains(f)).ToList();
        Assert.Single(stored);
        Assert.Equal(OwnerFile, File.GetUnixFileMode(stored[0]));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Host.AttachmentsPath));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.Combine(Host.AttachmentsPath, "incoming")));
    }
}

public sealed class AttachmentFileModeTestsOnSqlite(SqliteHost host) : AttachmentFileModeTests(host), IClassFixture<SqliteHost>;
