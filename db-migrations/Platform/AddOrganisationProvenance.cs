using FluentMigrator;

namespace Jiebang.Migrations.Platform;

[Migration(2026_12_02_20, "Platform: an organisation records who registered it and whether the task force has verified it")]
public sealed class AddOrganisationProvenance : Migration
{
    public override void Up()
    {
        // Records made before this migration (demo data, the CLI, earlier registrations) have no registrant: null.
        Alter.Table("platform_organisation")
            .AddColumn("registered_by_kind").AsString(20).Nullable()
            .AddColumn("registered_by_id").AsGuid().Nullable()
            .AddColumn("registered_by_name").AsString(200).Nullable()
            .AddColumn("verified").AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn("verified_by").AsString(200).Nullable()
            .AddColumn("verified_at").AsDateTimeOffset().Nullable();
    }

    public override void Down()
    {
        Delete.Column("verified_at").Column("verified_by").Column("verified").Column("registered_by_name").Column("registered_by_id")
            .Column("registered_by_kind").FromTable("platform_organisation");
    }
}
