using FluentMigrator;

namespace Jiebang.Migrations.Platform;

[Migration(2026_11_28_06, "Platform: failed sign-ins per user name, for lockout")]
public sealed class CreateLoginThrottleTable : Migration
{
    public override void Up()
    {
        // Keyed by the name typed, whether or not such a user exists, so a lockout reveals nothing about accounts.
        Create.Table("platform_login_throttle")
            .WithColumn("user_name").AsString(100).PrimaryKey()
            .WithColumn("failures").AsInt32().NotNullable()
            .WithColumn("first_failed_at").AsDateTimeOffset().NotNullable()
            .WithColumn("locked_until").AsDateTimeOffset().Nullable();
    }

    public override void Down() => Delete.Table("platform_login_throttle");
}
