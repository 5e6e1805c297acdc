using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Registrations;

public abstract partial class RegistrationsTests
{
    [Fact]
    public async Task The_unit_reads_its_status_with_its_token_and_an_unknown_or_missing_token_is_404_like_nothing()
    {
        var code = NewCode();
        var accepted = await SubmitAsync(code);
        var status = await StatusAsync((string)accepted["statusToken"]!).Expect(HttpStatusCode.OK);
        Assert.Equal((string?)accepted["reference"], (string?)status["reference"]);
        Assert.Equal(code, (string?)status["creditCode"]);
        Assert.Equal("Pending", (string?)status["status"]);
        Assert.Null(status["rejectionReason"]);
        Assert.Null(status["reviewedAt"]);
        Assert.StartsWith("自主注册科技有限公司", (string?)status["name"]);

        var unknown = await StatusAsync("jbr_" + new string('A', 43)).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        var missing = await StatusAsync(null).ExpectProblem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal((string?)unknown["detail"], (string?)missing["detail"]);
        // The reference alone is no token.
        await StatusAsync((string)accepted["reference"]!).ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }
}
