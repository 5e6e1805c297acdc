using Dapper;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Organisations;
using Jiebang.Platform.Writes;

namespace Jiebang.Platform.Demo;

internal sealed class PlatformDemoSeeder(WritePath writes, OrganisationStore organisations, UserStore users) : IDemoSeeder
{
    public int Order => 0;

    public Task SeedAsync(CancellationToken ct) => writes.ExecuteAsync(Caller.SystemFor("DemoData"), async w =>
    {
        var (connection, tx) = (w.Connection, w.Transaction);
        if (await connection.ExecuteScalarAsync<int>(Data.CountUsersNamed, new { U = "taskforce" }, tx) > 0)
        {
            return true;
        }
        const string demoCode = "统一社会信用代码为演示值 / demo credit code";
        var orgs = new Dictionary<string, Guid>
        {
            [DemoAccounts.IssuerA] = (await organisations.EnsureAsync(connection, tx, DemoAccounts.IssuerA,
                "演示发榜企业甲（演示数据）", OrganisationTypes.Enterprise, true, demoCode)).Id,
            [DemoAccounts.IssuerB] = (await organisations.EnsureAsync(connection, tx, DemoAccounts.IssuerB,
                "演示发榜企业乙（演示数据）", OrganisationTypes.Enterprise, true, demoCode)).Id,
            [DemoAccounts.ApplicantUniversity] = (await organisations.EnsureAsync(connection, tx, DemoAccounts.ApplicantUniversity,
                "演示揭榜高校（演示数据）", OrganisationTypes.University, true, demoCode, "技术转移中心（演示数据）")).Id,
            [DemoAccounts.ApplicantEnterprise] = (await organisations.EnsureAsync(connection, tx, DemoAccounts.ApplicantEnterprise,
                "演示揭榜企业（演示数据）", OrganisationTypes.Enterprise, true, demoCode)).Id,
        };
        // Issuers of the first 2020 batch: the report names one; the others were not disclosed.
        await organisations.EnsureAsync(connection, tx, DemoAccounts.Tinavi, "北京天智航医疗科技股份有限公司",
            OrganisationTypes.Enterprise, false,
            "名称来自2020年首批榜单报道；统一社会信用代码为演示占位值 / name from the 2020 report; credit code is a demo placeholder");
        await organisations.EnsureAsync(connection, tx, DemoAccounts.Undisclosed, "发榜企业未公开（演示占位）",
            OrganisationTypes.Enterprise, true, "2020年首批榜单报道未公开该需求的发榜企业 / the 2020 report did not name this issuer");

        foreach (var account in DemoAccounts.Accounts)
        {
            var user = await users.CreateAsync(connection, tx, account.UserName, account.DisplayName, DemoAccounts.Password, account.Role,
                account.OrganisationCode is null ? null : orgs[account.OrganisationCode], null, isDemo: true);
            if (account.OrgAdmin)
            {
                await connection.ExecuteAsync(Data.MakeUnitAdministrator, new { user.Id, OrgAdmin = true }, tx);
            }
        }
        await users.CreateApiKeyAsync(connection, tx, "海淀区门户（演示）", DemoAccounts.DistrictCode, isDemo: true, DemoAccounts.DistrictKey);
        return true;
    }, ct);
}
