using Dapper;
using Jiebang.Migrations;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Organisations;
using Jiebang.Platform.Writes;

namespace Jiebang.Host.Cli;

/// <summary>
/// Set-up verbs for a real deployment, run instead of the web server:
///   admin migrate
///   admin create-user --user NAME --password PW --role TaskForce [--display NAME] [--organisation CREDITCODE]
///   admin create-api-key --name NAME --district 110108
/// </summary>
internal static class AdminCommands
{
    public const string Verb = "admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        var db = app.Services.GetRequiredService<DbConnectionFactory>();
        var users = app.Services.GetRequiredService<UserStore>();
        var writes = app.Services.GetRequiredService<WritePath>();
        var admin = Caller.SystemFor("admin CLI");
        var arg = Parse(args.Skip(1).ToArray());
        try
        {
            switch (args.FirstOrDefault())
            {
                case "migrate":
                    MigrationRunner.MigrateUp(options.Provider.ToString(), db.Options.ConnectionString);
                    Console.WriteLine("Migrations applied. / 迁移完成。");
                    return 0;
                case "create-user":
                {
                    MigrateIfConfigured(options, db);
                    var user = await writes.ExecuteAsync(admin, async w =>
                    {
                        Guid? organisationId = null;
                        if (arg.TryGetValue("organisation", out var code))
                        {
                            organisationId = await OrganisationStore.FindIdByCodeAsync(w.Connection, w.Transaction, code)
                                ?? throw new ArgumentException($"No organisation with credit code {code}. / 未找到该统一社会信用代码的主体。");
                        }
                        return await users.CreateAsync(w.Connection, w.Transaction, Required(arg, "user"),
                            arg.GetValueOrDefault("display") ?? Required(arg, "user"),
                            Required(arg, "password"), Required(arg, "role"), organisationId, null, isDemo: false);
                    }, CancellationToken.None);
                    Console.WriteLine($"User {user.UserName} ({user.Role}) created. / 用户已创建。");
                    return 0;
                }
                case "create-api-key":
                {
                    MigrateIfConfigured(options, db);
                    var key = await writes.ExecuteAsync(admin, w =>
                        users.CreateApiKeyAsync(w.Connection, w.Transaction, Required(arg, "name"), Required(arg, "district"), isDemo: false),
                        CancellationToken.None);
                    Console.WriteLine("API key (shown once, store it safely / 仅显示一次，请妥善保存):");
                    Console.WriteLine(key);
                    return 0;
                }
                default:
                    Console.Error.WriteLine("""
                        Usage / 用法:
                          admin migrate
                          admin create-user --user NAME --password PASSWORD --role TaskForce|Issuer|Applicant|Expert|Auditor
                                            [--display NAME] [--organisation CREDITCODE]
                          admin create-api-key --name NAME --district 110108
                        """);
                    return 2;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"Failed / 失败: {ex.Message}");
            return 1;
        }
    }

    private static void MigrateIfConfigured(DatabaseOptions options, DbConnectionFactory db)
    {
        if (options.MigrateOnStartup)
        {
            MigrationRunner.MigrateUp(options.Provider.ToString(), db.Options.ConnectionString);
        }
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }
            result[args[i][2..]] = args[i + 1];
        }
        return result;
    }

    private static string Required(Dictionary<string, string> args, string name) =>
        args.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException($"--{name} is required. / 缺少 --{name} 参数。");
}
