using System.Net;
using Dapper;
using Jiebang.IntegrationTests.Applications.Attachments;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Organisations;

namespace Jiebang.IntegrationTests.Platform.Registrations;

public abstract partial class RegistrationsTests
{
    [Fact]
    public async Task A_registration_is_accepted_with_a_reference_and_a_status_token_keeps_only_a_password_hash_and_is_audited()
    {
        var code = NewCode();
        var response = await Host.Anonymous().PostAsync(Url, Form(code));
        var accepted = await Task.FromResult(response).Expect(HttpStatusCode.Accepted);
        var reference = Guid.Parse((string)accepted["reference"]!);
        Assert.StartsWith("jbr_", (string)accepted["statusToken"]!);
        Assert.True(((string)accepted["statusToken"]!).Length > 40);
        Assert.Equal("Pending", (string?)accepted["status"]);
        Assert.Equal(Host.Clock.GetUtcNow(), DateTimeOffset.Parse((string)accepted["submittedAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["reference", "statusToken", "status", "submittedAt"], accepted.AsObject().Select(p => p.Key).ToArray());

        await using var connection = await Host.Db.OpenAsync();
        var stored = await connection.QuerySingleAsync<(string Hash, string TokenHash, long Size)>(
            "SELECT admin_password_hash, status_token_hash, licence_size FROM platform_registration WHERE id = @Id", new { Id = reference });
        Assert.NotEqual(AdminPassword, stored.Hash);
        Assert.DoesNotContain(AdminPassword, stored.Hash, StringComparison.Ordinal);
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<Jiebang.Platform.Auth.UserRecord>();
        Assert.NotEqual(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed,
            hasher.VerifyHashedPassword(new Jiebang.Platform.Auth.UserRecord(), stored.Hash, AdminPassword));
        Assert.DoesNotContain((string)accepted["statusToken"]!, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(TestFiles.Pdf().Length, stored.Size);
        Assert.Equal(["Submit"], await AuditActionsAsync("Registration", reference));
        var audit = await connection.ExecuteScalarAsync<string>("SELECT summary FROM platform_audit WHERE entity_id = @Id", new { Id = reference });
        Assert.DoesNotContain(AdminPassword, audit!, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.Hash, audit!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_registration_of_a_pending_code_is_refused_with_409_and_stores_nothing()
    {
        var code = NewCode();
        await SubmitAsync(code);
        var problem = await DatabaseSnapshot.Unchanged(Host, () =>
            Host.Anonymous().PostAsync(Url, Form(code, "another-admin")).ExpectProblem(HttpStatusCode.Conflict, "registration.already_registered"));
        Assert.Contains("工作专班", Unescaped(problem));
        Assert.Equal(1, await RegistrationsWithCodeAsync(code));
    }

    [Fact]
    public async Task A_taken_user_name_is_not_told_at_submission_the_answer_has_the_same_shape_and_status()
    {
        var free = await Host.Anonymous().PostAsync(Url, Form(NewCode(), "nobody-has-this-name")).Expect(HttpStatusCode.Accepted);
        var taken = await Host.Anonymous().PostAsync(Url, Form(NewCode(), Cast.Applicant)).Expect(HttpStatusCode.Accepted);
        Assert.Equal(free.AsObject().Select(p => p.Key), taken.AsObject().Select(p => p.Key));
        Assert.Equal((string?)free["status"], (string?)taken["status"]);
        Assert.Equal(((string)free["statusToken"]!).Length, ((string)taken["statusToken"]!).Length);
    }

    [Fact]
    public async Task A_licence_that_is_not_really_a_pdf_png_or_jpeg_is_refused_with_400_and_stores_nothing()
    {
        var anonymous = Host.Anonymous();
        var code = NewCode();
        var text = "这不是营业执照 / not a licence"u8.ToArray();
        var problem = await DatabaseSnapshot.Unchanged(Host, () =>
            anonymous.PostAsync(Url, Form(code, licence: text, fileName: "营业执照.pdf")).ExpectProblem(HttpStatusCode.BadRequest, "attachment.type_not_allowed"));
        Assert.NotNull(problem["errors"]!["file"]);
        // A Word document is allowed for applications, never as a licence.
        await DatabaseSnapshot.Unchanged(Host, () =>
            anonymous.PostAsync(Url, Form(code, licence: TestFiles.Docx(), fileName: "营业执照.docx"))
                .ExpectProblem(HttpStatusCode.BadRequest, "attachment.type_not_allowed"));
        await DatabaseSnapshot.Unchanged(Host, () =>
            anonymous.PostAsync(Url, Form(code, licence: TestFiles.Png(), fileName: "营业执照.pdf")).ExpectProblem(HttpStatusCode.BadRequest, "attachment.type_mismatch"));
        Assert.Equal(0, await RegistrationsWithCodeAsync(code));

        var png = await anonymous.PostAsync(Url, Form(code, licence: TestFiles.Png(), fileName: "执照.png", contentType: "image/png")).Expect(HttpStatusCode.Accepted);
        var tf = await Host.As(Cast.TaskForce);
        var detail = await tf.GetAsync($"{Url}/{png["reference"]}").Expect(HttpStatusCode.OK);
        Assert.Equal("image/png", (string?)detail["licence"]!["contentType"]);
        Assert.Equal("执照.png", (string?)detail["licence"]!["fileName"]);
    }

    [Fact]
    public async Task Fields_are_checked_as_the_registry_checks_them_and_refusals_name_the_form_labels_and_store_nothing()
    {
        var anonymous = Host.Anonymous();
        var code = NewCode();
        var wrongCheck = code[..17] + CreditCode.Alphabet.First(c => c != code[17]);
        var problem = await DatabaseSnapshot.Unchanged(Host, () =>
            anonymous.PostAsync(Url, Form(wrongCheck)).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var message = (string)problem["errors"]!["creditCode"]![0]!;
        Assert.Contains("统一社会信用代码", message);
        Assert.Contains("第18位", message);
        Assert.Contains("Character 18", message);

        var unknownRegion = NewCode("990101");
        var region = await DatabaseSnapshot.Unchanged(Host, () =>
            anonymous.PostAsync(Url, Form(unknownRegion)).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.Contains("990101", (string)region["errors"]!["creditCode"]![0]!);

        var many = await DatabaseSnapshot.Unchanged(Host, () => anonymous.PostAsync(Url, Form(code, change: f =>
        {
            f["name"] = " ";
            f["orgType"] = "Hospital";
            f["adminMobile"] = "12345";
            f["adminEmail"] = "not-an-address";
            f["adminUserName"] = "a b";
            f.Remove("legalRepresentative");
        })).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var errors = many["errors"]!.AsObject();
        Assert.Equal(["adminEmail", "adminMobile", "adminUserName", "legalRepresentative", "name", "orgType"], errors.Select(e => e.Key).Order().ToArray());
        Assert.Contains("单位名称", (string)errors["name"]![0]!);
        Assert.Contains("Unit name", (string)errors["name"]![0]!);
        Assert.Contains("法定代表人", (string)errors["legalRepresentative"]![0]!);
        Assert.Contains("管理员手机号", (string)errors["adminMobile"]![0]!);
        Assert.DoesNotContain("Hospital", (string)errors["orgType"]![0]!);

        var weak = await DatabaseSnapshot.Unchanged(Host, () =>
            anonymous.PostAsync(Url, Form(code, change: f => f["adminPassword"] = "short#1")).ExpectProblem(HttpStatusCode.BadRequest, "password.too_short"));
        Assert.Contains("管理员密码", (string)weak["errors"]!["adminPassword"]![0]!);
        await DatabaseSnapshot.Unchanged(Host, () => anonymous.PostAsync(Url, Form(code, "kaiyuan-lab", f => f["adminPassword"] = "Kaiyuan-Lab#2026x"))
            .ExpectProblem(HttpStatusCode.BadRequest, "password.contains_user_name"));
        await DatabaseSnapshot.Unchanged(Host, () => anonymous.PostAsync(Url, Form(code, change: f => f["adminPassword"] = "qwerty123456"))
            .ExpectProblem(HttpStatusCode.BadRequest, "password.too_common"));
        Assert.Equal(0, await RegistrationsWithCodeAsync(code));
    }

    [Fact]
    public async Task A_hong_kong_unit_may_register_and_is_shown_as_not_mainland()
    {
        var code = NewCode("810000");
        var accepted = await SubmitAsync(code);
        var tf = await Host.As(Cast.TaskForce);
        var detail = await tf.GetAsync($"{Url}/{accepted["reference"]}").Expect(HttpStatusCode.OK);
        Assert.False((bool)detail["mainland"]!);
        Assert.Equal("810000", (string?)detail["regionCode"]);
        Assert.Equal("香港特别行政区", (string?)detail["regionName"]);
    }
}

/// <summary>A host whose limits are low enough to reach: three submissions per address per hour, licences up to 4 KiB.</summary>
public class RegistrationLimitsSqliteHost : SqliteHost
{
    public RegistrationLimitsSqliteHost()
    {
        Settings["Registrations:SubmitsPerAddress"] = "3";
        Settings["Registrations:SubmitWindowMinutes"] = "60";
        Settings["Registrations:LicenceMaxBytes"] = "4096";
    }
}

public class RegistrationLimitsPostgresHost : PostgresHost
{
    public RegistrationLimitsPostgresHost()
    {
        Settings["Registrations:SubmitsPerAddress"] = "3";
        Settings["Registrations:SubmitWindowMinutes"] = "60";
        Settings["Registrations:LicenceMaxBytes"] = "4096";
    }
}

public abstract class RegistrationLimitsTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task Submissions_beyond_the_limit_per_address_are_refused_with_429_until_the_window_passes_and_a_large_licence_with_413()
    {
        var anonymous = Host.Anonymous();
        // Refused attempts count too: probing credit codes costs as much as registering.
        await anonymous.PostAsync("/api/v1/registrations", RegistrationsTests.Form(RegistrationsTests.NewCode(), licence: TestFiles.Pdf(padTo: 4097)))
            .ExpectProblem(HttpStatusCode.RequestEntityTooLarge, "attachment.too_large");
        await anonymous.PostAsync("/api/v1/registrations", RegistrationsTests.Form(RegistrationsTests.NewCode())).Expect(HttpStatusCode.Accepted);
        await anonymous.PostAsync("/api/v1/registrations", RegistrationsTests.Form(RegistrationsTests.NewCode())).Expect(HttpStatusCode.Accepted);

        var code = RegistrationsTests.NewCode();
        var before = await DatabaseSnapshot.TakeAsync(Host);
        var response = await anonymous.PostAsync("/api/v1/registrations", RegistrationsTests.Form(code));
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var problem = await response.NodeAsync();
        Assert.Equal("rate_limited", (string?)problem["code"]);
        Assert.Equal("3600", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(Host));

        Host.Clock.SetUtcNow(Host.Clock.GetUtcNow().AddMinutes(61));
        await anonymous.PostAsync("/api/v1/registrations", RegistrationsTests.Form(code)).Expect(HttpStatusCode.Accepted);
    }
}

public sealed class RegistrationLimitsTestsOnSqlite(RegistrationLimitsSqliteHost host) : RegistrationLimitsTests(host), IClassFixture<RegistrationLimitsSqliteHost>;
public sealed class RegistrationLimitsTestsOnPostgres(RegistrationLimitsPostgresHost host) : RegistrationLimitsTests(host), IClassFixture<RegistrationLimitsPostgresHost>;
