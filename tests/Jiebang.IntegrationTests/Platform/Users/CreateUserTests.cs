using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Users;

public abstract partial class UsersTests
{
    [Fact]
    public async Task The_task_force_creates_an_issuer_account_that_must_change_its_password_and_the_creation_is_audited_without_it()
    {
        var created = await CreateAsync(NewUser("Issuer", Host.Cast.IssuerAOrg, orgAdmin: true));
        Assert.Equal("Issuer", (string?)created["role"]);
        Assert.Equal(Host.Cast.IssuerAOrg.ToString(), (string?)created["organisationId"]);
        Assert.Equal("测试发榜企业A", (string?)created["organisationName"]);
        Assert.True((bool)created["mustChangePassword"]!);
        Assert.True((bool)created["orgAdmin"]!);
        Assert.True((bool)created["active"]!);
        Assert.Equal("13800138000", (string?)created["mobile"]);
        Assert.Equal(1, (int)created["version"]!);
        Assert.Null(created["password"]);
        Assert.Null(created["passwordHash"]);
        var account = await AccountAsync(created["id"]!);
        Assert.True(account.SecurityStamp.Length >= 32);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync((string)created["userName"]!, GoodPassword));

        var audit = Assert.Single(await AuditAsync(created["id"]!));
        Assert.Equal("Create", (string?)audit!["action"]);
        Assert.Contains((string)created["userName"]!, (string?)audit["summary"]);
        Assert.DoesNotContain(GoodPassword, (string?)audit["summary"]);
        Assert.DoesNotContain(account.PasswordHash, (string?)audit["summary"]);
    }

    [Fact]
    public async Task The_task_force_creates_task_force_and_auditor_accounts_without_an_organisation()
    {
        Assert.Null((await CreateAsync(NewUser("TaskForce")))["organisationId"]);
        Assert.Null((await CreateAsync(NewUser("Auditor")))["organisationId"]);
    }

    [Fact]
    public async Task An_issuer_or_applicant_account_needs_an_organisation_that_exists_and_others_may_not_have_one()
    {
        var tf = await Host.As(Cast.TaskForce);
        foreach (var body in new[]
                 {
                     NewUser("Applicant"), NewUser("Issuer", Guid.NewGuid()), NewUser("Auditor", Host.Cast.IssuerAOrg),
                     NewUser("TaskForce", orgAdmin: true), NewUser("Applicant", Host.Cast.ApplicantOrg, expertId: Guid.NewGuid()),
                     NewUser("Director", Host.Cast.ApplicantOrg), NewUser("Applicant", Host.Cast.ApplicantOrg, userName: "x"),
                 })
        {
            await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(Url, body).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        }
        var problem = await tf.PostJson(Url, NewUser("Applicant")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("所属单位", (string?)problem["errors"]!["organisationId"]![0]);
    }

    [Fact]
    public async Task An_expert_account_is_bound_to_its_expert_record_and_a_record_bound_already_is_refused()
    {
        var tf = await Host.As(Cast.TaskForce);
        var expert = await tf.PostJson("/api/v1/review/experts", new
        {
            name = "王专家", title = "教授", fields = new[] { "MedicalDevices" }, declaredConflicts = Array.Empty<Guid>(),
            declaredPersonConflicts = Array.Empty<object>(), active = true,
        }).Expect(HttpStatusCode.Created);
        var expertId = Guid.Parse((string)expert["id"]!);

        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(Url, NewUser("Expert")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(Url, NewUser("Expert", expertId: Guid.NewGuid()))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));

        var created = await CreateAsync(NewUser("Expert", expertId: expertId));
        Assert.Equal(expertId.ToString(), (string?)created["expertId"]);
        var record = await tf.GetAsync($"/api/v1/review/experts/{expertId}").Expect(HttpStatusCode.OK);
        Assert.Equal((string?)created["id"], (string?)record["userId"]);

        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(Url, NewUser("Expert", expertId: expertId))
            .ExpectProblem(HttpStatusCode.Conflict, "user.expert_taken"));
    }

    [Fact]
    public async Task A_taken_user_name_in_any_case_is_refused_and_nothing_is_stored()
    {
        var tf = await Host.As(Cast.TaskForce);
        var name = Scenario.Unique("Li.Si");
        await CreateAsync(NewUser("Applicant", Host.Cast.ApplicantOrg, userName: name));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(Url, NewUser("Applicant", Host.Cast.ApplicantOrg, userName: name))
            .ExpectProblem(HttpStatusCode.Conflict, "user.user_name_taken"));
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(Url, NewUser("Auditor", userName: name.ToUpperInvariant()))
            .ExpectProblem(HttpStatusCode.Conflict, "user.user_name_taken"));
        // The seeded accounts too.
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson(Url, NewUser("Auditor", userName: Cast.IssuerA.ToUpperInvariant()))
            .ExpectProblem(HttpStatusCode.Conflict, "user.user_name_taken"));
    }

    [Fact]
    public async Task The_password_policy_refuses_with_its_code_on_the_password_field_and_nothing_is_stored()
    {
        var tf = await Host.As(Cast.TaskForce);
        var name = Scenario.Unique("wang.wu");
        Task<HttpResponseMessage> Create(string password) =>
            tf.PostJson(Url, NewUser("Applicant", Host.Cast.ApplicantOrg, userName: name, password: password));
        var problems = new[]
        {
            await DatabaseSnapshot.Unchanged(Host, () => Create("Short#1").ExpectProblem(HttpStatusCode.BadRequest, "password.too_short")),
            await DatabaseSnapshot.Unchanged(Host, () => Create(new string('k', 150) + "-Xy#" + new string('q', 60))
                .ExpectProblem(HttpStatusCode.BadRequest, "password.too_long")),
            await DatabaseSnapshot.Unchanged(Host, () => Create("My-" + name + "-2026").ExpectProblem(HttpStatusCode.BadRequest, "password.contains_user_name")),
            await DatabaseSnapshot.Unchanged(Host, () => Create("qwerty123456").ExpectProblem(HttpStatusCode.BadRequest, "password.too_common")),
        };
        Assert.All(problems, p => Assert.Contains(" / ", (string?)p["errors"]!["password"]![0]));
    }

    [Fact]
    public async Task A_unit_administrator_creates_accounts_of_its_own_role_in_its_own_organisation_only()
    {
        var (admin, _, _) = await UnitAdministratorAsync(Host.Cast.ApplicantOrg);
        // The organisation may be left out: it is the administrator's own.
        var colleague = await admin.PostJson(Url, NewUser("Applicant")).Expect(HttpStatusCode.Created);
        Assert.Equal(Host.Cast.ApplicantOrg.ToString(), (string?)colleague["organisationId"]);
        Assert.True((bool)colleague["mustChangePassword"]!);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync((string)colleague["userName"]!, GoodPassword));
        var audit = Assert.Single(await AuditAsync(colleague["id"]!));
        Assert.Equal("Applicant", (string?)audit!["actorRole"]);

        await DatabaseSnapshot.Unchanged(Host, () => admin.PostJson(Url, NewUser("Issuer", Host.Cast.ApplicantOrg))
            .ExpectProblem(HttpStatusCode.Forbidden, "user.role_not_allowed"));
        await DatabaseSnapshot.Unchanged(Host, () => admin.PostJson(Url, NewUser("TaskForce"))
            .ExpectProblem(HttpStatusCode.Forbidden, "user.role_not_allowed"));
        await DatabaseSnapshot.Unchanged(Host, () => admin.PostJson(Url, NewUser("Applicant", Host.Cast.MemberOrg))
            .ExpectProblem(HttpStatusCode.Forbidden, "user.outside_organisation"));
    }

    [Fact]
    public async Task Issuers_and_applicants_who_are_not_unit_administrators_experts_auditors_and_keys_create_no_account()
    {
        foreach (var who in new[] { Cast.Applicant, Cast.IssuerA })
        {
            var client = await Host.As(who);
            await DatabaseSnapshot.Unchanged(Host, () => client.PostJson(Url, NewUser("Applicant", Host.Cast.ApplicantOrg))
                .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        }
        foreach (var client in new[] { await Host.As(Cast.Auditor), await Host.As(Cast.Expert), Host.WithApiKey(Host.Cast.DistrictKey) })
        {
            await DatabaseSnapshot.Unchanged(Host, () => client.PostJson(Url, NewUser("Applicant", Host.Cast.ApplicantOrg)).Expect(HttpStatusCode.Forbidden));
        }
        await Host.Anonymous().PostJson(Url, NewUser("Applicant", Host.Cast.ApplicantOrg)).Expect(HttpStatusCode.Unauthorized);
    }
}
