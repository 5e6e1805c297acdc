using Dapper;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Demo;
using Jiebang.Platform.Registrations.Data;
using Jiebang.Platform.Registrations.Domain;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Identity;

namespace Jiebang.Platform.Registrations.Demo;

/// <summary>One pending registration (labelled 演示) for the task force's review queue, with a tiny PNG as its licence.</summary>
internal sealed class RegistrationsDemoSeeder(WritePath writes, IPasswordHasher<UserRecord> hasher) : IDemoSeeder
{
    /// <summary>The password of the unit administrator the demo registration creates once approved (published in the docs).</summary>
    public const string AdminPassword = "Demo#2026unit";
    public const string AdminUserName = "demo-unit-admin";

    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Licence = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public int Order => 1;

    public Task SeedAsync(CancellationToken ct) => writes.ExecuteAsync(Caller.SystemFor("DemoData"), async w =>
    {
        if (await w.Connection.ExecuteScalarAsync<int>(RegistrationStore.CountDemo, new { IsDemo = true }, w.Transaction) > 0)
        {
            return true;
        }
        var id = Guid.CreateVersion7();
        var code = DemoAccounts.Code("91110108MA0JB0001");
        await w.ExecuteAsync(RegistrationStore.InsertClaim, new { CreditCode = code, RegistrationId = id, w.Now });
        await w.ExecuteAsync(RegistrationStore.Insert, new
        {
            Id = id, CreditCode = code, Name = "演示注册科技有限公司（演示数据）", OrgType = "Enterprise", LegalRepresentative = "张演示",
            LicenceFileName = "营业执照（演示）.png", LicenceContentType = "image/png", LicenceSize = (long)Licence.Length, LicenceContent = Licence,
            AdminDisplayName = "李管理（演示）", AdminMobile = "13800000000", AdminEmail = "demo-unit@example.com", AdminUserName,
            AdminPasswordHash = hasher.HashPassword(new UserRecord { UserName = AdminUserName }, AdminPassword),
            Status = nameof(RegistrationStatus.Pending), StatusTokenHash = StatusTokens.New().Hash, IsDemo = true, SubmittedAt = w.Now,
        });
        await w.AuditAsync(RegistrationStore.Module, RegistrationStore.Entity, id, "Submit", new { creditCode = code, demo = true });
        return true;
    }, ct);
}
