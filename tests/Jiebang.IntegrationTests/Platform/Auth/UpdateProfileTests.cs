using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Auth;

public abstract partial class AuthTests
{
    [Fact]
    public async Task A_person_updates_their_own_name_email_and_mobile_and_clears_them()
    {
        var account = await NewAccountAsync(email: null);
        var session = await SignInAsync(account.UserName);
        var updated = await session.Client.PutJson("/api/v1/auth/me", new { displayName = " 张三 ", email = "zhangsan@example.cn", mobile = "13800138000" })
            .Expect(HttpStatusCode.OK);
        Assert.Equal("张三", (string?)updated["displayName"]);
        Assert.Equal("zhangsan@example.cn", (string?)updated["email"]);
        Assert.Equal("13800138000", (string?)updated["mobile"]);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(updated, await session.Client.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.OK)));

        var cleared = await session.Client.PutJson("/api/v1/auth/me", new { displayName = "张三", email = "", mobile = (string?)null }).Expect(HttpStatusCode.OK);
        Assert.Null((string?)cleared["email"]);
        Assert.Null((string?)cleared["mobile"]);
        Assert.Equal(2, await ScalarAsync<int>("SELECT COUNT(*) FROM platform_audit WHERE entity_id = @Id AND action = 'UpdateProfile'", new { account.Id }));
        // The profile does not end the session.
        await session.Client.GetAsync("/api/v1/challenges").Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_contact_details_are_refused_naming_the_field_and_change_nothing()
    {
        var account = await NewAccountAsync();
        var session = await SignInAsync(account.UserName);
        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { displayName = "张三", email = "not-an-address" }, "email"),
                     (new { displayName = "张三", mobile = "12345" }, "mobile"),
                     (new { displayName = "张三", mobile = "23800138000" }, "mobile"),
                     (new { displayName = "  " }, "displayName"),
                     (new { displayName = new string('名', 101) }, "displayName"),
                 })
        {
            var problem = await DatabaseSnapshot.Unchanged(Host, () => session.Client.PutJson("/api/v1/auth/me", body)
                .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
            Assert.Contains(" / ", (string)problem["errors"]![field]![0]!);
        }
    }
}
