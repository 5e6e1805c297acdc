using FluentMigrator;

namespace Jiebang.Migrations.Platform;

[Migration(2026_11_28_01, "Platform: organisations, users, API keys, audit")]
public sealed class CreatePlatformTables : Migration
{
    public override void Up()
    {
        Create.Table("platform_organisation")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("credit_code").AsString(18).NotNullable().Unique("ux_platform_organisation_credit_code")
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("org_type").AsString(40).NotNullable()
            .WithColumn("region_code").AsString(6).NotNullable()
            .WithColumn("independent_legal_person").AsBoolean().NotNullable()
            .WithColumn("credit_standing").AsString(20).NotNullable()
            .WithColumn("credit_source").AsString(200).Nullable()
            .WithColumn("credit_date").AsString(10).Nullable()
            .WithColumn("commercialisation_base").AsString(2000).Nullable()
            .WithColumn("is_demo").AsBoolean().NotNullable()
            .WithColumn("note").AsString(500).Nullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable()
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable()
            .WithColumn("version").AsInt32().NotNullable();

        Create.Table("platform_user")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("user_name").AsString(100).NotNullable().Unique("ux_platform_user_user_name")
            .WithColumn("display_name").AsString(200).NotNullable()
            .WithColumn("password_hash").AsString(500).NotNullable()
            .WithColumn("role").AsString(30).NotNullable()
            .WithColumn("organisation_id").AsGuid().Nullable().Indexed("ix_platform_user_organisation")
            .WithColumn("expert_id").AsGuid().Nullable()
            .WithColumn("active").AsBoolean().NotNullable()
            .WithColumn("is_demo").AsBoolean().NotNullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable();

        Create.Table("platform_api_key")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("prefix").AsString(8).NotNullable().Unique("ux_platform_api_key_prefix")
            .WithColumn("key_hash").AsString(64).NotNullable()
            .WithColumn("district_code").AsString(6).NotNullable()
            .WithColumn("active").AsBoolean().NotNullable()
            .WithColumn("is_demo").AsBoolean().NotNullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable();

        Create.Table("platform_audit")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("occurred_at").AsDateTimeOffset().NotNullable().Indexed("ix_platform_audit_occurred_at")
            .WithColumn("actor_id").AsGuid().Nullable()
            .WithColumn("actor_name").AsString(200).NotNullable()
            .WithColumn("actor_role").AsString(30).NotNullable()
            .WithColumn("module").AsString(30).NotNullable()
            .WithColumn("entity_type").AsString(60).NotNullable()
            .WithColumn("entity_id").AsGuid().NotNullable()
            .WithColumn("action").AsString(60).NotNullable()
            .WithColumn("summary").AsString(int.MaxValue).Nullable();
        Create.Index("ix_platform_audit_entity").OnTable("platform_audit")
            .OnColumn("entity_type").Ascending().OnColumn("entity_id").Ascending();
    }

    public override void Down()
    {
        Delete.Table("platform_audit");
        Delete.Table("platform_api_key");
        Delete.Table("platform_user");
        Delete.Table("platform_organisation");
    }
}
