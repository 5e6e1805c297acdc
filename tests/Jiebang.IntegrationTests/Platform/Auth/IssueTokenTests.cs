using System.Net;
using Jiebang.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Jiebang.IntegrationTests.Platform.Auth;

public abstract partial class AuthTests
{
    [Fact]
    public async Task The_token_carries_stamp_jti_orgadmin_and_pwchange_and_the_user_object_the_contact_details()
    {
        var admin = await NewAccountAsync(email: "admin@example.cn", mobile: "13800138000", orgAdmin: true, mustChange: true);
        var session = await SignInAsync(admin.UserName);
        var user = session.Body["user"]!;
        Assert.Equal("admin@example.cn", (string?)user["email"]);
        Assert.Equal("13800138000", (string?)user["mobile"]);
        Assert.True((bool)user["orgAdmin"]!);
        Assert.True((bool)user["mustChangePassword"]!);
        Assert.Equal("测试揭榜高校", (string?)user["organisationName"]);

        var jwt = new JsonWebToken(session.Token);
        var stamp = await ScalarAsync<string>("SELECT security_stamp FROM platform_user WHERE id = @Id", new { admin.Id });
        Assert.Equal(stamp, jwt.GetClaim("stamp").Value);
        Assert.False(string.IsNullOrEmpty(jwt.GetClaim("jti").Value));
        Assert.Equal("true", jwt.GetClaim("orgadmin").Value);
        Assert.Equal("true", jwt.GetClaim("pwchange").Value);
        Assert.NotEqual(jwt.GetClaim("jti").Value, new JsonWebToken((await SignInAsync(admin.UserName)).Token).GetClaim("jti").Value);

        var plain = new JsonWebToken((await SignInAsync(Cast.Expert)).Token);
        Assert.False(plain.TryGetClaim("orgadmin", out _));
        Assert.False(plain.TryGetClaim("pwchange", out _));
        var expert = (await SignInAsync(Cast.Expert)).Body["user"]!;
        Assert.Null((string?)expert["organisationName"]);
        Assert.False((bool)expert["orgAdmin"]!);
    }

    [Fact]
    public async Task Me_answers_the_same_user_object_as_the_token()
    {
        var account = await NewAccountAsync(mobile: "13912345678");
        var session = await SignInAsync(account.UserName);
        var me = await session.Client.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.OK);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(session.Body["user"], me), $"{session.Body["user"]} vs {me}");
    }
}
