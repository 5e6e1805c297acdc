using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Organisations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Jiebang.Platform;

public static class PlatformModule
{
    public const string DefaultScheme = "Jiebang";

    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = DatabaseOptions.From(configuration);
        services.AddSingleton(database);
        services.AddSingleton<DbConnectionFactory>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<Feed.FeedWriter>();
        services.AddSingleton<Feed.FeedSequencer>();
        services.AddSingleton<Messaging.Outbox>();
        services.AddHostedService<Messaging.OutboxDispatcher>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<OrganisationStore>();
        services.AddSingleton<Idempotency.IdempotencyStore>();
        services.AddSingleton<Writes.WritePath>();
        services.AddSingleton<Demo.IDemoSeeder, Demo.PlatformDemoSeeder>();
        services.AddSingleton<Throttling.Throttle>();
        services.AddSingleton(configuration.GetSection("Registrations").Get<Registrations.RegistrationOptions>() ?? new Registrations.RegistrationOptions());
        services.AddSingleton<Demo.IDemoSeeder, Registrations.Demo.RegistrationsDemoSeeder>();
        services.AddSingleton(configuration.GetSection("Jobs").Get<Jobs.JobsOptions>() ?? new Jobs.JobsOptions());
        services.AddSingleton<Jobs.JobStore>();
        services.AddHostedService<Jobs.JobRunner>();

        var auth = configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        ValidateSigningKey(auth, environment);
        ValidateDemoSeed(configuration, environment);
        services.AddSingleton(auth);
        services.AddSingleton<TokenService>();
        services.AddSingleton<SignInThrottle>();
        services.TryAddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<UserRecord>, Microsoft.AspNetCore.Identity.PasswordHasher<UserRecord>>();
        services.AddSingleton<PasswordCheck>();
        services.AddSingleton<SessionCheck>();
        services.AddSingleton<ExternalAccounts>();
        services.AddSingleton<Throttling.Throttle>();
        services.TryAddSingleton<Notifications.DevelopmentAccountMessages>();
        services.TryAddSingleton<Notifications.IAccountMessages>(sp => sp.GetRequiredService<Notifications.DevelopmentAccountMessages>());

        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "Bearer token or API key", o =>
            {
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.ContainsKey(Auth.ApiKeys.HeaderName)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                // Every token, ours or the authority's, passes the session check (active, stamp, not signed out) on every request.
                o.Events = new JwtBearerEvents { OnTokenValidated = SessionCheck.OnTokenValidated };
                if (!string.IsNullOrWhiteSpace(auth.Authority))
                {
                    o.Authority = auth.Authority;
                    o.Audience = auth.AuthorityAudience;
                    o.TokenValidationParameters.NameClaimType = JiebangClaims.Name;
                    o.TokenValidationParameters.RoleClaimType = JiebangClaims.Role;
                }
                else
                {
                    o.TokenValidationParameters = new TokenValidationParameters
                    {
                        ValidIssuer = AuthOptions.Issuer,
                        ValidAudience = AuthOptions.Audience,
                        IssuerSigningKey = TokenService.KeyFrom(auth.SigningKey!),
                        NameClaimType = JiebangClaims.Name,
                        RoleClaimType = JiebangClaims.Role,
                        ClockSkew = TimeSpan.FromSeconds(30),
                    };
                }
            });
        services.AddAuthorization();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>The environment the integration tests' hosts run in; like Development, it may load the demo data.</summary>
    public const string TestingEnvironment = "Testing";

    /// <summary>
    /// Demo data brings accounts and a district key whose passwords are published in the README: a host that serves real
    /// users must never load it, so outside Development (and the test hosts' Testing environment) it refuses to start.
    /// </summary>
    private static void ValidateDemoSeed(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration.GetValue("Demo:Seed", false) && !environment.IsDevelopment() && !environment.IsEnvironment(TestingEnvironment))
        {
            throw new InvalidOperationException(
                $"Demo:Seed is true in the {environment.EnvironmentName} environment. The demo data creates accounts and an API key whose " +
                "passwords are public; it may be loaded only in Development. Remove Demo:Seed (environment variable Demo__Seed). / " +
                "演示数据含有公开的账号、密码和接口密钥，只能在开发环境加载；请删除 Demo:Seed 配置后再启动。");
        }
    }

    private static void ValidateSigningKey(AuthOptions auth, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(auth.Authority))
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "Auth:SigningKey is not configured. Outside Development the host needs a signing key of at least 32 characters " +
                    "(environment variable Auth__SigningKey) or an external authority (Auth__Authority). / 未配置签名密钥，生产环境不能启动。");
            }
            auth.SigningKey = AuthOptions.DevelopmentSigningKey;
        }
        if (auth.SigningKey.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must have at least 32 characters. / 签名密钥至少32个字符。");
        }
        if (auth.SigningKey == AuthOptions.DevelopmentSigningKey && !environment.IsDevelopment())
        {
            throw new InvalidOperationException("The development signing key may not be used outside Development. / 开发用签名密钥不能用于生产环境。");
        }
    }
}

internal sealed class DatabaseHealthCheck(DbConnectionFactory db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var connection = await db.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = UserStore.CountAll;
            await command.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy($"{db.Options.Provider} reachable and migrated");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{db.Options.Provider} not ready: {ex.GetType().Name}");
        }
    }
}
