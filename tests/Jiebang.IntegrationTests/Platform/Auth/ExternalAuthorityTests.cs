using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Organisations;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Jiebang.IntegrationTests.Platform.Auth;

/// <summary>A stand-in OpenID Connect authority: its signing key and metadata are given to the bearer handler directly.</summary>
public static class TestAuthority
{
    public const string Issuer = "https://idp.example.test";
    public const string Audience = "jiebang-tests";
    private static readonly SymmetricSecurityKey Key = new(System.Text.Encoding.UTF8.GetBytes("test-authority-signing-key-0123456789abcdef"));

    public static void Use(JiebangHost host, IServiceCollection services)
    {
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(Key);
            o.Configuration = configuration;
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            o.TokenValidationParameters.ValidIssuer = Issuer;
            o.TokenValidationParameters.ValidAudience = Audience;
            o.TokenValidationParameters.IssuerSigningKey = Key;
        });
    }

    public static void Configure(Dictionary<string, string> settings)
    {
        settings["Auth:Authority"] = Issuer;
        settings["Auth:AuthorityAudience"] = Audience;
    }

    public static string Token(string subject, params (string Type, string Value)[] claims)
    {
        var now = DateTime.UtcNow;
        var all = new List<Claim> { new("sub", subject), new("jti", Guid.NewGuid().ToString("N")) };
        all.AddRange(claims.Select(c => new Claim(c.Type, c.Value)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer, Audience = Audience, Subject = new ClaimsIdentity(all), IssuedAt = now, NotBefore = now, Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }
}

public sealed class ExternalAuthoritySqliteHost : SqliteHost
{
    public ExternalAuthoritySqliteHost() => TestAuthority.Configure(Settings);

    protected override void ConfigureServices(IServiceCollection services) => TestAuthority.Use(this, services);
}

public sealed class ExternalAuthorityPostgresHost : PostgresHost
{
    public ExternalAuthorityPostgresHost() => TestAuthority.Configure(Settings);

    protected override void ConfigureServices(IServiceCollection services) => TestAuthority.Use(this, services);
}

public abstract class ExternalAuthorityTests(JiebangHost host) : HostTests(host)
{
    private HttpClient With(string token)
    {
        var client = Host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_subject_maps_to_the_account_that_holds_it_with_that_accounts_role_and_organisation()
    {
        var subject = "sub-" + Guid.NewGuid().ToString("N");
        await using (var connection = await Host.Db.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE platform_user SET external_subject = @Subject WHERE user_name = @Name", new { Subject = subject, Name = Cast.IssuerB });
        }
        var client = With(TestAuthority.Token(subject, ("role", "TaskForce"), ("name", "someone else")));
        var me = await client.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.OK);
        Assert.Equal(Cast.IssuerB, (string?)me["userName"]);
        Assert.Equal("Issuer", (string?)me["role"]);                      // the account's role, never the token's
        await client.GetAsync("/api/v1/audit").ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(Host.Cast.IssuerBOrg.ToString(), (string?)me["organisationId"]);

        // Signed out: that token answers 401; deactivated: every token of the subject does.
        await client.PostJson("/api/v1/auth/sign-out").Expect(HttpStatusCode.NoContent);
        await client.GetAsync("/api/v1/auth/me").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        var second = With(TestAuthority.Token(subject));
        await second.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.OK);
        await using (var connection = await Host.Db.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE platform_user SET active = @Active WHERE user_name = @Name", new { Active = false, Name = Cast.IssuerB });
        }
        await second.GetAsync("/api/v1/auth/me").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        await using (var connection = await Host.Db.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE platform_user SET active = @Active WHERE user_name = @Name", new { Active = true, Name = Cast.IssuerB });
        }
    }

    [Fact]
    public async Task An_unknown_subject_with_a_registered_credit_code_gets_an_applicant_account_of_that_organisation_once()
    {
        var subject = "unit-" + Guid.NewGuid().ToString("N");
        var code = await CodeOfAsync(Host.Cast.ApplicantOrg);
        var userName = "legal-" + Guid.NewGuid().ToString("N")[..8];
        var token = TestAuthority.Token(subject, ("credit_code", code), ("preferred_username", userName), ("name", "某高校法人"));
        var me = await With(token).GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.OK);
        Assert.Equal(userName, (string?)me["userName"]);
        Assert.Equal("某高校法人", (string?)me["displayName"]);
        Assert.Equal("Applicant", (string?)me["role"]);
        Assert.Equal(Host.Cast.ApplicantOrg.ToString(), (string?)me["organisationId"]);
        await With(TestAuthority.Token(subject, ("credit_code", code))).GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.OK);
        await using var connection = await Host.Db.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM platform_user WHERE external_subject = @Subject", new { Subject = subject }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM platform_audit WHERE action = 'ProvisionExternal' AND summary LIKE @Name",
            new { Name = "%" + userName + "%" }));
    }

    [Fact]
    public async Task An_unknown_subject_without_a_registered_credit_code_is_refused_and_nothing_is_stored()
    {
        var unregistered = Cast.Code("91110108MA0Z" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var token in new[]
                 {
                     TestAuthority.Token("lost-" + Guid.NewGuid().ToString("N")),
                     TestAuthority.Token("lost-" + Guid.NewGuid().ToString("N"), ("credit_code", unregistered)),
                     TestAuthority.Token("lost-" + Guid.NewGuid().ToString("N"), ("credit_code", "not-a-code")),
                 })
        {
            await DatabaseSnapshot.Unchanged(Host, () => With(token).GetAsync("/api/v1/auth/me")
                .ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials"));
        }
        var options = await Host.Anonymous().GetAsync("/api/v1/auth/options").Expect(HttpStatusCode.OK);
        Assert.True((bool)options["externalAuthority"]!);
    }

    private async Task<string> CodeOfAsync(Guid organisation)
    {
        await using var connection = await Host.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT credit_code FROM platform_organisation WHERE id = @Id", new { Id = organisation }) ?? "";
    }
}

public sealed class ExternalAuthorityTestsOnSqlite(ExternalAuthoritySqliteHost host) : ExternalAuthorityTests(host), IClassFixture<ExternalAuthoritySqliteHost>;
public sealed class ExternalAuthorityTestsOnPostgres(ExternalAuthorityPostgresHost host) : ExternalAuthorityTests(host), IClassFixture<ExternalAuthorityPostgresHost>;
