using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Users;

public abstract partial class UsersTests
{
    [Fact]
    public async Task An_account_opens_for_the_task_force_the_auditor_and_its_own_unit_administrator_and_is_hidden_from_others()
    {
        var colleague = await CreateAsync(NewUser("Applicant", Host.Cast.ApplicantOrg));
        var id = (string)colleague["id"]!;
        var (admin, _, _) = await UnitAdministratorAsync(Host.Cast.ApplicantOrg);
        var (otherAdmin, _, _) = await UnitAdministratorAsync(Host.Cast.IssuerAOrg, "Issuer");

        foreach (var client in new[] { await Host.As(Cast.TaskForce), await Host.As(Cast.Auditor), admin })
        {
            using var response = await client.GetAsync($"{Url}/{id}");
            var user = await Task.FromResult(response).Expect(HttpStatusCode.OK);
            Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
            Assert.Equal("测试揭榜高校", (string?)user["organisationName"]);
        }
        // Another organisation's administrator: as for an account that does not exist.
        await otherAdmin.GetAsync($"{Url}/{id}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        await otherAdmin.GetAsync($"{Url}/{Guid.NewGuid()}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        // The task force's accounts belong to no organisation.
        var tfId = (string)(await (await Host.As(Cast.TaskForce)).GetAsync($"{Url}?q={Cast.TaskForce}&role=TaskForce").Expect(HttpStatusCode.OK))["items"]![0]!["id"]!;
        await admin.GetAsync($"{Url}/{tfId}").ExpectProblem(HttpStatusCode.NotFound, "not_found");
        // A colleague who is not an administrator.
        await (await Host.As(Cast.Applicant)).GetAsync($"{Url}/{id}").ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}
