using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.IntegrationTests.Platform.Registrations;

namespace Jiebang.IntegrationTests.Scenarios;

/// <summary>
/// A unit from anywhere joins the call without an operator at a shell: it registers, is rejected with a reason, registers
/// again, is approved; its administrator signs in, must change the password, creates a project lead (项目负责人), and the
/// lead drafts and submits an application. Then the ways a session ends: deactivation, a password change, a revoked key.
/// </summary>
public abstract class AccountsRegistrationWalkTests(JiebangHost host) : HostTests(host)
{
    private const string LeadPassword = "Qing-He#Lab-2026";
    private const string NewAdminPassword = "Yu-Quan#Shan-2026";

    private HttpClient Bearer(string token)
    {
        var client = Host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonNode> StatusAsync(HttpClient anonymous, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/registrations/status");
        request.Headers.TryAddWithoutValidation("X-Registration-Token", token);
        return await anonymous.SendAsync(request).Expect(HttpStatusCode.OK);
    }

    private static async Task<JsonNode> DecideAsync(HttpClient tf, string id, string action, object? body = null)
    {
        var current = await tf.GetAsync($"/api/v1/registrations/{id}").Expect(HttpStatusCode.OK);
        return await tf.PostJson($"/api/v1/registrations/{id}/{action}", body ?? new { }, $"\"{current["version"]}\"").Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_unit_registers_is_rejected_registers_again_is_approved_and_its_project_lead_submits_an_application()
    {
        var anonymous = Host.Anonymous();
        var tf = await Host.As(Cast.TaskForce);
        var code = RegistrationsTests.NewCode(region: "320506");   // 苏州: a unit from outside Beijing
        var adminName = "walk-" + code[^6..].ToLowerInvariant();

        // Registered, then rejected with a reason the unit reads on its status page.
        var first = await anonymous.PostAsync("/api/v1/registrations", RegistrationsTests.Form(code, adminName)).Expect(HttpStatusCode.Accepted);
        Assert.Equal("Pending", (string?)(await StatusAsync(anonymous, (string)first["statusToken"]!))["status"]);
        await DecideAsync(tf, (string)first["reference"]!, "reject", new { reason = "营业执照照片模糊，请上传清晰扫描件" });
        var rejected = await StatusAsync(anonymous, (string)first["statusToken"]!);
        Assert.Equal("Rejected", (string?)rejected["status"]);
        Assert.Equal("营业执照照片模糊，请上传清晰扫描件", (string?)rejected["rejectionReason"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJson("/api/v1/auth/token",
            new { userName = adminName, password = RegistrationsTests.AdminPassword })).StatusCode);

        // Registered again, approved: the organisation is in the registry, verified, and its administrator exists.
        var second = await anonymous.PostAsync("/api/v1/registrations", RegistrationsTests.Form(code, adminName)).Expect(HttpStatusCode.Accepted);
        var approved = await DecideAsync(tf, (string)second["reference"]!, "approve");
        Assert.Equal("Approved", (string?)(await StatusAsync(anonymous, (string)second["statusToken"]!))["status"]);
        var organisation = await tf.GetAsync($"/api/v1/organisations/{approved["organisationId"]}").Expect(HttpStatusCode.OK);
        Assert.Equal(code, (string?)organisation["creditCode"]);

        // The administrator signs in and can do nothing before choosing a new password.
        var signIn = await anonymous.PostJson("/api/v1/auth/token", new { userName = adminName, password = RegistrationsTests.AdminPassword })
            .Expect(HttpStatusCode.OK);
        Assert.True((bool)signIn["user"]!["mustChangePassword"]!);
        Assert.True((bool)signIn["user"]!["orgAdmin"]!);
        var forced = Bearer((string)signIn["accessToken"]!);
        await forced.GetAsync("/api/v1/users").ExpectProblem(HttpStatusCode.Forbidden, "auth.password_change_required");
        var changed = await forced.PostJson("/api/v1/auth/password",
            new { currentPassword = RegistrationsTests.AdminPassword, newPassword = NewAdminPassword }).Expect(HttpStatusCode.OK);
        Assert.False((bool)changed["user"]!["mustChangePassword"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forced.GetAsync("/api/v1/auth/me")).StatusCode);   // the old token ended
        var admin = Bearer((string)changed["accessToken"]!);

        // It creates a project lead in its own unit, who also changes the password chosen for it.
        var leadName = "lead-" + code[^6..].ToLowerInvariant();
        var lead = await admin.PostJson("/api/v1/users", new
        {
            userName = leadName, displayName = "钱项目负责人", role = "Applicant", organisationId = (string)approved["organisationId"]!,
            email = "lead@example.cn", password = LeadPassword,
        }).Expect(HttpStatusCode.Created);
        Assert.True((bool)lead["mustChangePassword"]!);
        var colleagues = await admin.GetAsync("/api/v1/users").Expect(HttpStatusCode.OK);
        Assert.Equal(new[] { adminName, leadName }.Order(), colleagues["items"]!.AsArray().Select(u => (string)u!["userName"]!).Order());
        var leadSignIn = await anonymous.PostJson("/api/v1/auth/token", new { userName = leadName, password = LeadPassword }).Expect(HttpStatusCode.OK);
        var leadChanged = await Bearer((string)leadSignIn["accessToken"]!).PostJson("/api/v1/auth/password",
            new { currentPassword = LeadPassword, newPassword = "Xi-Shan#Feng-2026" }).Expect(HttpStatusCode.OK);
        var projectLead = Bearer((string)leadChanged["accessToken"]!);

        // The lead drafts and submits an application for its unit.
        var (challenge, _) = await new Scenario(Host).PublishedAsync();
        var draft = await projectLead.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
        Assert.Equal((string)approved["organisationId"]!, (string?)draft["leadOrganisationId"]);
        var submitted = await projectLead.PostJson($"/api/v1/applications/{draft["id"]}/submit").Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", (string?)submitted["status"]);

        // Deactivated by its administrator, the lead's live token ends at once.
        var leadAccount = await admin.GetAsync($"/api/v1/users/{lead["id"]}").Expect(HttpStatusCode.OK);
        await admin.PostJson($"/api/v1/users/{lead["id"]}/deactivate", null, $"\"{leadAccount["version"]}\"").Expect(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await projectLead.GetAsync($"/api/v1/applications/{draft["id"]}")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_district_key_is_refused_on_its_next_request()
    {
        var tf = await Host.As(Cast.TaskForce);
        var issued = await tf.PostJson("/api/v1/api-keys", new { name = "东城区门户（测试）", districtCode = "110101" }).Expect(HttpStatusCode.Created);
        var portal = Host.WithApiKey((string)issued["key"]!);
        await portal.GetAsync("/api/v1/organisations?creditCode=" + Cast.Code("91110101MA0000W01")).Expect(HttpStatusCode.OK);
        await tf.PostJson($"/api/v1/api-keys/{issued["apiKey"]!["id"]}/revoke", null, $"\"{issued["apiKey"]!["version"]}\"").Expect(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.GetAsync("/api/v1/organisations?creditCode=" + Cast.Code("91110101MA0000W01"))).StatusCode);
    }
}

public sealed class AccountsRegistrationWalkTestsOnSqlite(SqliteHost host) : AccountsRegistrationWalkTests(host), IClassFixture<SqliteHost>;
public sealed class AccountsRegistrationWalkTestsOnPostgres(PostgresHost host) : AccountsRegistrationWalkTests(host), IClassFixture<PostgresHost>;
