using System.Diagnostics;
using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Host;

/// <summary>The host binary as an operator runs it: refusing to start insecurely, and the admin verbs for a real deployment.</summary>
public sealed class HostProcessTests
{
    private static readonly string HostDll = Path.Combine(AppContext.BaseDirectory, "Jiebang.Host.dll");

    private static async Task<(int ExitCode, string Output)> RunAsync(string workDir, IDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDir };
        start.ArgumentList.Add(HostDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static Dictionary<string, string> Production(string database, string? signingKey) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = "Sqlite",
        ["Database__MigrateOnStartup"] = "true",
        ["ConnectionStrings__Jiebang"] = $"Data Source={database}",
        ["Auth__SigningKey"] = signingKey ?? "",
        ["Urls"] = "http://127.0.0.1:0",
    };

    [Fact]
    public async Task Outside_development_the_host_refuses_to_start_without_a_signing_key_or_with_the_demo_key()
    {
        var dir = Directory.CreateTempSubdirectory("jiebang-host").FullName;
        var (code, output) = await RunAsync(dir, Production(Path.Combine(dir, "a.db"), null));
        Assert.NotEqual(0, code);
        Assert.Contains("Auth:SigningKey is not configured", output);

        (code, output) = await RunAsync(dir, Production(Path.Combine(dir, "a.db"), "jiebang-development-signing-key-do-not-use-in-production-0001"));
        Assert.NotEqual(0, code);
        Assert.Contains("development signing key may not be used outside Development", output);
    }

    [Fact]
    public async Task Outside_development_the_host_refuses_to_start_with_the_demo_data()
    {
        var dir = Directory.CreateTempSubdirectory("jiebang-demo").FullName;
        var database = Path.Combine(dir, "a.db");
        var env = Production(database, "production-demo-test-signing-key-0123456789abcdef");
        env["Demo__Seed"] = "true";
        var (code, output) = await RunAsync(dir, env);
        Assert.NotEqual(0, code);
        Assert.Contains("Demo:Seed is true in the Production environment", output);
        Assert.Contains("演示数据", output);
        Assert.False(File.Exists(database), "the host must stop before it creates or seeds a database");
    }

    [Fact]
    public async Task The_admin_verbs_create_the_first_task_force_user_and_a_district_key_that_then_work()
    {
        var dir = Directory.CreateTempSubdirectory("jiebang-admin").FullName;
        var database = Path.Combine(dir, "jiebang.db");
        var env = Production(database, "admin-cli-test-signing-key-0123456789abcdef");

        var (code, output) = await RunAsync(dir, env, "admin", "create-user", "--user", "chief", "--password", "Chief#2026!", "--role", "TaskForce", "--display", "工作专班负责人");
        Assert.True(code == 0, output);
        (code, output) = await RunAsync(dir, env, "admin", "create-api-key", "--name", "海淀区门户", "--district", "110108");
        Assert.True(code == 0, output);
        var key = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("jbk_", StringComparison.Ordinal));
        (code, output) = await RunAsync(dir, env, "admin", "create-user", "--user", "x", "--password", "p", "--role", "King");
        Assert.Equal(1, code);
        Assert.Contains("Unknown role", output);

        var host = new ExistingSqliteHost(database);
        await host.InitializeAsync();
        try
        {
            var chief = await host.As("chief", "Chief#2026!");
            var me = await chief.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.OK);
            Assert.Equal("TaskForce", (string?)me["role"]);
            Assert.False((bool)me["isDemo"]!);
            await host.WithApiKey(key).GetAsync("/api/v1/challenges").Expect(HttpStatusCode.OK);
            await host.WithApiKey(key + "x").GetAsync("/api/v1/challenges").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private sealed class ExistingSqliteHost(string database) : SqliteHost
    {
        protected override Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>($"Data Source={database}");
    }
}
