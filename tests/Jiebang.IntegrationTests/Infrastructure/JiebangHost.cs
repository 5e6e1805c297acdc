using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Organisations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jiebang.IntegrationTests.Infrastructure;

/// <summary>
/// The real host (WebApplicationFactory over Program) on one real database, with a settable clock and a cast of
/// users. One per test class: each class gets a fresh database.
/// </summary>
public abstract class JiebangHost : IAsyncLifetime
{
    public const string Password = "Test#Passw0rd";
    private Factory? _factory;

    /// <summary>Business time; tests move it. Starts at 2026-11-28 10:00 Asia/Shanghai.</summary>
    public SettableClock Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));

    public abstract string ProviderName { get; }

    /// <summary>Set when this provider cannot run here; every test of the class then skips with it.</summary>
    public string? SkipReason { get; protected set; }

    protected virtual bool SeedDemo => false;

    /// <summary>
    /// Serve over real sockets (Kestrel) instead of the in-memory test server, for what only a real server shows: the test
    /// server drops a header sent with an empty value, and Kestrel trims a blank one to empty.
    /// </summary>
    protected virtual bool OverSockets => false;

    public string ConnectionString { get; private set; } = "";

    public Cast Cast { get; private set; } = null!;

    /// <summary>Configuration a test class needs beyond the defaults (set in a derived host's constructor).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Replaces services after the host's own registrations (a derived host that observes a dependency).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Attachment limit for test hosts: small, so the limit can be tested without megabytes of traffic.</summary>
    public const long AttachmentMaxBytes = 256 * 1024;

    /// <summary>This host's attachment folder (Attachments:Path), a fresh temporary folder per host.</summary>
    public string AttachmentsPath { get; } = Path.Combine(Path.GetTempPath(), "jiebang-tests", "attachments-" + Guid.NewGuid().ToString("N"));

    /// <summary>Prepares an empty database; returns its connection string, or null with <see cref="SkipReason"/> set.</summary>
    protected abstract Task<string?> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        var cs = await CreateDatabaseAsync();
        if (cs is null)
        {
            Console.WriteLine($"[{ProviderName}] tests skipped: {SkipReason}");
            return;
        }
        ConnectionString = cs;
        Start();
        Cast = await Cast.CreateAsync(this);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await DropDatabaseAsync();
        }
        if (Directory.Exists(AttachmentsPath))
        {
            Directory.Delete(AttachmentsPath, recursive: true);
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Stops the host and starts a new one on the same database, as a restart after a stop or crash would; settings
    /// given here stay in force for the following starts. Clients of the old host no longer work.
    /// </summary>
    public async Task RestartAsync(params (string Key, string Value)[] settings)
    {
        foreach (var (key, value) in settings)
        {
            Settings[key] = value;
        }
        await _factory!.DisposeAsync();
        Start();
    }

    private void Start()
    {
        _factory = new Factory(this);
        if (OverSockets)
        {
            _factory.UseKestrel(0);
            _factory.StartServer();
        }
        else
        {
            _ = _factory.Server;
        }
    }

    public void SkipIfUnavailable() => Assert.SkipWhen(SkipReason is not null, $"{ProviderName}: {SkipReason}");

    public IServiceProvider Services => (_factory ?? throw new InvalidOperationException(SkipReason)).Services;

    public DbConnectionFactory Db => Services.GetRequiredService<DbConnectionFactory>();

    public HttpClient Anonymous() => _factory!.CreateClient();

    public HttpClient WithApiKey(string key)
    {
        var client = _factory!.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, key);
        return client;
    }

    public async Task<HttpClient> As(string userName, string password = Password)
    {
        var client = _factory!.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>(Json.Options))!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenResponse(string AccessToken);

    private sealed class Factory(JiebangHost host) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", host.ProviderName);
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("ConnectionStrings:Jiebang", host.ConnectionString);
            builder.UseSetting("Auth:SigningKey", "integration-tests-signing-key-0123456789abcdef");
            builder.UseSetting("Demo:Seed", host.SeedDemo ? "true" : "false");
            builder.UseSetting("Attachments:Path", host.AttachmentsPath);
            builder.UseSetting("Attachments:MaxBytes", AttachmentMaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Funding:AttachmentMaxBytes", AttachmentMaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // Every test class shares one client address; limits are exercised by the tests that lower them.
            builder.UseSetting("RateLimits:PerApiKeyPerMinute", "1000000");
            builder.UseSetting("RateLimits:PerAddressPerMinute", "1000000");
            builder.UseSetting("Registrations:SubmitsPerAddress", "1000000");
            // The OpenAPI tests read the served document; the hardening tests turn it off to see it refused.
            builder.UseSetting("OpenApi:Serve", "true");
            foreach (var (key, value) in host.Settings)
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(host.Clock);
                host.ConfigureServices(services);
            });
        }
    }
}

/// <summary>The people every test class can sign in as, each bound to its own organisation where the role needs one.</summary>
public sealed class Cast
{
    public required Guid IssuerAOrg { get; init; }
    public required Guid IssuerBOrg { get; init; }
    public required Guid ApplicantOrg { get; init; }
    /// <summary>An enterprise in 朝阳区 (110105) with no user of its own: a consortium member.</summary>
    public required Guid MemberOrg { get; init; }
    public required string DistrictKey { get; init; }
    public required string OtherDistrictKey { get; init; }

    public const string TaskForce = "tf";
    public const string Auditor = "aud";
    public const string IssuerA = "issuer-a";
    public const string IssuerB = "issuer-b";
    public const string Applicant = "applicant";
    public const string Expert = "expert";

    public static string Code(string first17) => first17 + CreditCode.CheckCharacter(first17);

    public static async Task<Cast> CreateAsync(JiebangHost host)
    {
        var users = host.Services.GetRequiredService<UserStore>();
        var orgs = host.Services.GetRequiredService<OrganisationStore>();
        var (connection, tx) = await host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            var a = await orgs.EnsureAsync(connection, tx, Code("91110108MA0T00001"), "测试发榜企业A", OrganisationTypes.Enterprise, false);
            var b = await orgs.EnsureAsync(connection, tx, Code("91110105MA0T00002"), "测试发榜企业B", OrganisationTypes.Enterprise, false);
            var p = await orgs.EnsureAsync(connection, tx, Code("12110108400T00003"), "测试揭榜高校", OrganisationTypes.University, false,
                commercialisationBase: "技术转移中心");
            var m = await orgs.EnsureAsync(connection, tx, Code("91110105MA0T00004"), "测试联合企业", OrganisationTypes.Enterprise, false);
            await users.CreateAsync(connection, tx, TaskForce, "工作专班", JiebangHost.Password, Roles.TaskForce, null, null, false);
            await users.CreateAsync(connection, tx, Auditor, "审计", JiebangHost.Password, Roles.Auditor, null, null, false);
            await users.CreateAsync(connection, tx, IssuerA, "企业A", JiebangHost.Password, Roles.Issuer, a.Id, null, false);
            await users.CreateAsync(connection, tx, IssuerB, "企业B", JiebangHost.Password, Roles.Issuer, b.Id, null, false);
            await users.CreateAsync(connection, tx, Applicant, "高校", JiebangHost.Password, Roles.Applicant, p.Id, null, false);
            await users.CreateAsync(connection, tx, Expert, "专家", JiebangHost.Password, Roles.Expert, null, null, false);
            var key = await users.CreateApiKeyAsync(connection, tx, "海淀区门户（测试）", "110108", false);
            var other = await users.CreateApiKeyAsync(connection, tx, "朝阳区门户（测试）", "110105", false);
            await tx.CommitAsync();
            return new Cast { IssuerAOrg = a.Id, IssuerBOrg = b.Id, ApplicantOrg = p.Id, MemberOrg = m.Id, DistrictKey = key, OtherDistrictKey = other };
        }
    }
}
