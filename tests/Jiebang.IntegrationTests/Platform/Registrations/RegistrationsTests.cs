using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.IntegrationTests.Applications.Attachments;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Organisations;

namespace Jiebang.IntegrationTests.Platform.Registrations;

/// <summary>A unit's own registration (法人注册) and the task force's review, one use case per file.</summary>
public abstract partial class RegistrationsTests(JiebangHost host) : HostTests(host)
{
    private const string Url = "/api/v1/registrations";
    public const string AdminPassword = "Lab-Kaiyuan#2026";

    /// <summary>A fresh credit code with a right check character; positions 3-8 carry the region.</summary>
    public static string NewCode(string region = "110108", string kind = "91")
    {
        var random = Guid.NewGuid().ToByteArray();
        var body = new string(random.Take(7).Select(b => CreditCode.Alphabet[b % CreditCode.Alphabet.Length]).ToArray());
        return Cast.Code(kind + region + "MA" + body);
    }

    /// <summary>The registration form as the console sends it: every text field and the licence in <c>file</c>.</summary>
    public static MultipartFormDataContent Form(string code, string? userName = null, Action<Dictionary<string, string>>? change = null,
        byte[]? licence = null, string fileName = "营业执照.pdf", string contentType = "application/pdf")
    {
        var fields = new Dictionary<string, string>
        {
            ["name"] = "自主注册科技有限公司" + code[^4..],
            ["creditCode"] = code,
            ["orgType"] = "Enterprise",
            ["legalRepresentative"] = "王法人",
            ["adminDisplayName"] = "赵管理",
            ["adminMobile"] = "13912345678",
            ["adminEmail"] = "admin@example.cn",
            ["adminUserName"] = userName ?? "unit-" + code[^6..].ToLowerInvariant(),
            ["adminPassword"] = AdminPassword,
        };
        change?.Invoke(fields);
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }
        var file = new ByteArrayContent(licence ?? TestFiles.Pdf());
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return form;
    }

    private async Task<JsonNode> SubmitAsync(string code, string? userName = null) =>
        await Host.Anonymous().PostAsync(Url, Form(code, userName)).Expect(HttpStatusCode.Accepted);

    private async Task<HttpResponseMessage> StatusAsync(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Url}/status");
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Registration-Token", token);
        }
        return await Host.Anonymous().SendAsync(request);
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient client, string id, string action, string? ifMatch, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Url}/{id}/{action}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(body ?? new { }),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request);
    }

    private async Task<JsonNode> ApproveAsync(string id)
    {
        var tf = await Host.As(Cast.TaskForce);
        var current = await tf.GetAsync($"{Url}/{id}").Expect(HttpStatusCode.OK);
        return await DecideAsync(tf, id, "approve", $"\"{current["version"]}\"").Expect(HttpStatusCode.OK);
    }

    private async Task<JsonNode> RejectAsync(string id, string reason)
    {
        var tf = await Host.As(Cast.TaskForce);
        var current = await tf.GetAsync($"{Url}/{id}").Expect(HttpStatusCode.OK);
        return await DecideAsync(tf, id, "reject", $"\"{current["version"]}\"", new { reason }).Expect(HttpStatusCode.OK);
    }

    private async Task<int> CountAsync(string sql, object args)
    {
        await using var connection = await Host.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<int>(sql, args);
    }

    private Task<int> RegistrationsWithCodeAsync(string code) =>
        CountAsync("SELECT COUNT(*) FROM platform_registration WHERE credit_code = @Code", new { Code = code });

    private Task<int> OrganisationsWithCodeAsync(string code) =>
        CountAsync("SELECT COUNT(*) FROM platform_organisation WHERE credit_code = @Code", new { Code = code });

    private async Task<string[]> AuditActionsAsync(string entityType, object id)
    {
        var tf = await Host.As(Cast.TaskForce);
        var page = await tf.GetAsync($"/api/v1/audit?entityType={entityType}&entityId={id}").Expect(HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(a => (string)a!["action"]!).Reverse().ToArray();
    }

    /// <summary>The body as text with Chinese left as it is.</summary>
    private static string Unescaped(JsonNode node) =>
        node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

public sealed class RegistrationsTestsOnSqlite(SqliteHost host) : RegistrationsTests(host), IClassFixture<SqliteHost>;
public sealed class RegistrationsTestsOnPostgres(PostgresHost host) : RegistrationsTests(host), IClassFixture<PostgresHost>;
