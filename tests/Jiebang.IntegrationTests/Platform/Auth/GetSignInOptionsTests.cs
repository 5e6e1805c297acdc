using System.Net;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Platform.Auth;

public abstract partial class AuthTests
{
    [Fact]
    public async Task The_sign_in_options_show_demo_accounts_only_while_demo_data_is_loaded()
    {
        var options = await Host.Anonymous().GetAsync("/api/v1/auth/options").Expect(HttpStatusCode.OK);
        Assert.Null(options["demoAccounts"]);
        Assert.Null(options["demoPassword"]);
        Assert.True((bool)options["selfRegistration"]!);
        Assert.False((bool)options["externalAuthority"]!);

        // A demo account appears (as the demo seeder makes them) …
        var users = Host.Services.GetRequiredService<UserStore>();
        var name = Scenario.Unique("demo");
        var (connection, tx) = await Host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            await users.CreateAsync(connection, tx, name, "演示账号", DemoAccounts.Password, Roles.Auditor, null, null, isDemo: true);
            await tx.CommitAsync();
        }
        var shown = await Host.Anonymous().GetAsync("/api/v1/auth/options").Expect(HttpStatusCode.OK);
        var account = Assert.Single(shown["demoAccounts"]!.AsArray());
        Assert.Equal(name, (string?)account!["userName"]);
        Assert.Equal("Auditor", (string?)account["role"]);
        Assert.Equal(DemoAccounts.Password, (string?)shown["demoPassword"]);

        // … and is gone once no active demo account is left.
        await ExecuteAsync("UPDATE platform_user SET active = @Active WHERE user_name = @Name", new { Active = false, Name = name });
        Assert.Null((await Host.Anonymous().GetAsync("/api/v1/auth/options").Expect(HttpStatusCode.OK))["demoAccounts"]);
    }
}
