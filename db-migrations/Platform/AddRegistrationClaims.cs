using FluentMigrator;

namespace Jiebang.Migrations.Platform;

[Migration(2026_12_02_70, "Platform: one open registration per credit code (a claim held while a registration is pending or approved)")]
public sealed class AddRegistrationClaims : Migration
{
    public override void Up()
    {
        // platform_registration keeps every attempt (a rejected unit may register again), so its credit_code cannot be
        // unique; this table holds the code while a registration is pending or approved, and its primary key refuses a
        // second concurrent registration of the same code on every provider. A rejection removes the claim.
        Create.Table("platform_registration_claim")
            .WithColumn("credit_code").AsString(18).PrimaryKey()
            .WithColumn("registration_id").AsGuid().NotNullable()
            .WithColumn("claimed_at").AsDateTimeOffset().NotNullable();
    }

    public override void Down() => Delete.Table("platform_registration_claim");
}
