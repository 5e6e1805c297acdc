using FluentMigrator;

namespace Jiebang.Migrations.Platform;

[Migration(2026_12_02_80, "Platform: district API keys carry a version, so revoking or rotating one checks If-Match")]
public sealed class AddApiKeyVersion : Migration
{
    public override void Up()
    {
        Alter.Table("platform_api_key").AddColumn("version").AsInt32().NotNullable().WithDefaultValue(1);
    }

    public override void Down()
    {
        Delete.Column("version").FromTable("platform_api_key");
    }
}
