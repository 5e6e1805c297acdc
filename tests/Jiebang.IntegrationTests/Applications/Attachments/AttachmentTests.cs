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

/// <summary>Attachments of an application: uploading them (checked by content) and downloading them (sealed like the application).</summary>
public abstract partial class AttachmentTests(JiebangHost host) : HostTests(host)
{
    private async Task<(JsonNode Challenge, JsonNode Draft)> DraftAsync()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var draft = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
        return (challenge, draft);
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, JsonNode draft, string fileName, byte[] bytes,
        string contentType = "application/octet-stream", string? idempotencyKey = null)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{draft["id"]}/attachments") { Content = form };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Every file under the host's attachment folder with its size.</summary>
    private string[] Stored() => Directory.Exists(Host.AttachmentsPath)
        ? Directory.GetFiles(Host.AttachmentsPath, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(Host.AttachmentsPath, f)}:{new FileInfo(f).Length}").Order(StringComparer.Ordinal).ToArray()
        : [];

    /// <summary>Runs a request that must be refused and asserts neither the database nor the attachment folder changed.</summary>
    private async Task<JsonNode> NothingStored(Func<Task<JsonNode>> refused)
    {
        var before = Stored();
        var result = await DatabaseSnapshot.Unchanged(Host, refused);
        Assert.Equal(before, Stored());
        return result;
    }

    /// <summary>An applicant user of an organisation that has nothing to do with the application.</summary>
    private async Task<HttpClient> AnotherApplicantAsync()
    {
        var name = Scenario.Unique("applicant");
        var (connection, tx) = await Host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            var org = await Host.Services.GetRequiredService<OrganisationStore>().EnsureAsync(connection, tx,
                Cast.Code("91110108MA0T" + Random.Shared.Next(10_000, 99_999)), "另一家揭榜企业", OrganisationTypes.Enterprise, false);
            await Host.Services.GetRequiredService<UserStore>().CreateAsync(connection, tx, name, "另一家揭榜企业", JiebangHost.Password,
                Roles.Applicant, org.Id, null, false);
            await tx.CommitAsync();
        }
        return await Host.As(name);
    }
}

public sealed class AttachmentTestsOnSqlite(SqliteHost host) : AttachmentTests(host), IClassFixture<SqliteHost>;
public sealed class AttachmentTestsOnPostgres(PostgresHost host) : AttachmentTests(host), IClassFixture<PostgresHost>;
public sealed class AttachmentTestsOnSqlServer(SqlServerHost host) : AttachmentTests(host), IClassFixture<SqlServerHost>;
