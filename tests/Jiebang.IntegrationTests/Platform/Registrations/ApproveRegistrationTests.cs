using System.Net;
using System.Net.Http.Json;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Registrations;

public abstract partial class RegistrationsTests
{
    [Fact]
    public async Task Approval_creates_a_verified_organisation_and_the_unit_administrator_who_signs_in_with_the_registered_password()
    {
        var code = NewCode("110105");
        var accepted = await SubmitAsync(code);
        var id = (string)accepted["reference"]!;
        var approved = await ApproveAsync(id);
        Assert.Equal("Approved", (string?)approved["status"]);
        Assert.Equal(2, (int)approved["version"]!);
        Assert.Equal(Cast.TaskForce, (string?)approved["reviewedBy"]);
        Assert.NotNull(approved["reviewedAt"]);
        Assert.False((bool)approved["userNameTaken"]!);
        var organisationId = (string)approved["organisationId"]!;
        var userId = (string)approved["userId"]!;

        var tf = await Host.As(Cast.TaskForce);
        var organisation = await tf.GetAsync($"/api/v1/organisations/{organisationId}").Expect(HttpStatusCode.OK);
        Assert.Equal(code, (string?)organisation["creditCode"]);
        Assert.Equal("Enterprise", (string?)organisation["type"]);
        Assert.Equal("110105", (string?)organisation["regionCode"]);
        Assert.True((bool)organisation["verified"]!);
        Assert.Equal(Cast.TaskForce, (string?)organisation["verifiedBy"]);
        Assert.Equal(1, await OrganisationsWithCodeAsync(code));

        var userName = "unit-" + code[^6..].ToLowerInvariant();
        await using (var connection = await Host.Db.OpenAsync())
        {
            var user = await connection.QuerySingleAsync<(string Role, Guid Org, bool OrgAdmin, bool MustChange, string Email, string Mobile, string Name)>(
                "SELECT role, organisation_id, org_admin, must_change_password, email, mobile, display_name FROM platform_user WHERE id = @Id",
                new { Id = Guid.Parse(userId) });
            Assert.Equal(("Applicant", Guid.Parse(organisationId), true, true, "admin@example.cn", "13912345678", "赵管理"), user);
            Assert.Equal("", await connection.ExecuteScalarAsync<string>("SELECT admin_password_hash FROM platform_registration WHERE id = @Id",
                new { Id = Guid.Parse(id) }));
        }
        var signIn = await Host.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName, password = AdminPassword }).Expect(HttpStatusCode.OK);
        Assert.Equal("Applicant", (string?)signIn["user"]!["role"]);
        Assert.Equal(organisationId, (string?)signIn["user"]!["organisationId"]);
        await Host.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName, password = "Wrong-Passw0rd#1" }).Expect(HttpStatusCode.Unauthorized);

        var status = await StatusAsync((string)accepted["statusToken"]!).Expect(HttpStatusCode.OK);
        Assert.Equal("Approved", (string?)status["status"]);
        Assert.NotNull(status["reviewedAt"]);
        Assert.Equal(["Submit", "Approve"], await AuditActionsAsync("Registration", id));
        Assert.Equal(["Register"], await AuditActionsAsync("Organisation", organisationId));
        Assert.Equal(["Create"], await AuditActionsAsync("User", userId));

        // Approved: the code stays taken, and the registration cannot be decided again.
        await DatabaseSnapshot.Unchanged(Host, () =>
            Host.Anonymous().PostAsync(Url, Form(code, "someone-else")).ExpectProblem(HttpStatusCode.Conflict, "registration.already_registered"));
        await DatabaseSnapshot.Unchanged(Host, () => DecideAsync(tf, id, "approve", "\"2\"").ExpectProblem(HttpStatusCode.Conflict, "registration.not_pending"));
        await DatabaseSnapshot.Unchanged(Host, () =>
            DecideAsync(tf, id, "reject", "\"2\"", new { reason = "迟到的驳回" }).ExpectProblem(HttpStatusCode.Conflict, "registration.not_pending"));
    }

    [Fact]
    public async Task Approval_links_the_record_a_district_portal_registered_without_duplicating_it_and_marks_it_verified()
    {
        var code = NewCode("110108");
        var district = Host.WithApiKey(Host.Cast.DistrictKey);
        var registered = await district.PostAsJsonAsync("/api/v1/organisations", new
        {
            creditCode = code, name = "区里登记的企业", type = "Enterprise", regionCode = "110108", independentLegalPerson = true,
        }).Expect(HttpStatusCode.Created);
        var organisationId = (string)registered["id"]!;
        Assert.False((bool)registered["verified"]!);

        var accepted = await SubmitAsync(code);
        var id = (string)accepted["reference"]!;
        var tf = await Host.As(Cast.TaskForce);
        var detail = await tf.GetAsync($"{Url}/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal(organisationId, (string?)detail["existingOrganisation"]!["id"]);
        Assert.Equal("区里登记的企业", (string?)detail["existingOrganisation"]!["name"]);
        Assert.False((bool)detail["existingOrganisation"]!["verified"]!);
        Assert.Equal("DistrictKey", (string?)detail["existingOrganisation"]!["registeredBy"]!["kind"]);

        var approved = await ApproveAsync(id);
        Assert.Equal(organisationId, (string?)approved["organisationId"]);
        Assert.True((bool)approved["existingOrganisation"]!["verified"]!);
        Assert.Equal(1, await OrganisationsWithCodeAsync(code));
        var organisation = await tf.GetAsync($"/api/v1/organisations/{organisationId}").Expect(HttpStatusCode.OK);
        Assert.True((bool)organisation["verified"]!);
        Assert.Equal(Cast.TaskForce, (string?)organisation["verifiedBy"]);
        Assert.Equal("区里登记的企业", (string?)organisation["name"]);
        Assert.Equal(2, (int)organisation["version"]!);
        Assert.Equal(["Register", "Verify"], await AuditActionsAsync("Organisation", organisationId));
        var signIn = await Host.Anonymous().PostAsJsonAsync("/api/v1/auth/token",
            new { userName = "unit-" + code[^6..].ToLowerInvariant(), password = AdminPassword }).Expect(HttpStatusCode.OK);
        Assert.Equal(organisationId, (string?)signIn["user"]!["organisationId"]);
    }

    [Fact]
    public async Task A_taken_user_name_is_shown_to_the_task_force_and_refused_at_approval_with_409_changing_nothing()
    {
        var code = NewCode();
        var accepted = await SubmitAsync(code, Cast.Applicant.ToUpperInvariant());
        var id = (string)accepted["reference"]!;
        var tf = await Host.As(Cast.TaskForce);
        var detail = await tf.GetAsync($"{Url}/{id}").Expect(HttpStatusCode.OK);
        Assert.True((bool)detail["userNameTaken"]!);
        var problem = await DatabaseSnapshot.Unchanged(Host, () =>
            DecideAsync(tf, id, "approve", "\"1\"").ExpectProblem(HttpStatusCode.Conflict, "registration.user_name_taken"));
        Assert.Contains("用户名", Unescaped(problem));
        Assert.Equal(0, await OrganisationsWithCodeAsync(code));
        await RejectAsync(id, "管理员用户名已被占用，请更换后重新注册");
    }

    [Fact]
    public async Task Approval_needs_the_current_version_and_the_task_force()
    {
        var accepted = await SubmitAsync(NewCode());
        var id = (string)accepted["reference"]!;
        var tf = await Host.As(Cast.TaskForce);
        await DatabaseSnapshot.Unchanged(Host, () => DecideAsync(tf, id, "approve", null).ExpectProblem(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required"));
        await DatabaseSnapshot.Unchanged(Host, () => DecideAsync(tf, id, "approve", "\"7\"").ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
        foreach (var who in new[] { Cast.Auditor, Cast.Applicant, Cast.IssuerA })
        {
            await DatabaseSnapshot.Unchanged(Host, async () => await DecideAsync(await Host.As(who), id, "approve", "\"1\"").Expect(HttpStatusCode.Forbidden));
        }
        await DecideAsync(Host.Anonymous(), id, "approve", "\"1\"").Expect(HttpStatusCode.Unauthorized);
        await DecideAsync(tf, Guid.NewGuid().ToString(), "approve", "\"1\"").ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }
}
