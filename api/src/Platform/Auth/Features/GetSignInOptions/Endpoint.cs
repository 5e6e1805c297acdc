using Dapper;
using FastEndpoints;
using Jiebang.Platform.Database;
using Jiebang.Platform.Demo;
using Jiebang.Platform.Http;

namespace Jiebang.Platform.Auth.Features.GetSignInOptions;

internal sealed class Endpoint(DbConnectionFactory db, AuthOptions options) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/v1/auth/options");
        AllowAnonymous();
        Description(b => b.Api("Auth_GetSignInOptions", "Platform", "登录页选项 / What the sign-in page offers",
                "The demo accounts and their password only while demo data is loaded (null otherwise), whether units may register " +
                "themselves, and whether people sign in at an external authority.")
            .Ok<Response>(), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<DemoAccount>(Data.DemoAccounts, new { IsDemo = true, Active = true })).ToList();
        var order = DemoAccounts.Accounts.Select((a, i) => (a.UserName, i)).ToDictionary(p => p.UserName, p => p.i, StringComparer.Ordinal);
        var demo = rows.OrderBy(r => order.GetValueOrDefault(r.UserName, int.MaxValue)).ThenBy(r => r.UserName, StringComparer.Ordinal).ToList();
        await Send.OkAsync(new Response
        {
            DemoAccounts = demo.Count > 0 ? demo : null,
            DemoPassword = demo.Count > 0 ? DemoAccounts.Password : null,
            SelfRegistration = true,
            ExternalAuthority = !string.IsNullOrWhiteSpace(options.Authority),
        }, ct);
    }
}
