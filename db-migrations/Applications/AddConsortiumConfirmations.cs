using FluentMigrator;

namespace Jiebang.Migrations.Applications;

/// <summary>
/// 联合申报协议: every member other than the lead confirms its participation, in the role and share it agreed to, before the
/// application can be submitted; and each member's registered region is kept so the district covering it can read and confirm.
/// </summary>
[Migration(2026_12_02_10, "Applications: members' regions and the consortium members' confirmations")]
public sealed class AddConsortiumConfirmations : Migration
{
    public override void Up()
    {
        Alter.Table("applications_member").AddColumn("region_code").AsString(6).NotNullable().WithDefaultValue("");
        Execute.Sql("""
            UPDATE applications_member SET region_code = COALESCE(
                (SELECT o.region_code FROM platform_organisation o WHERE o.id = applications_member.organisation_id), '')
            """);
        Create.Index("ix_applications_member_region").OnTable("applications_member").OnColumn("region_code").Ascending();

        Create.Table("applications_confirmation")
            .WithColumn("application_id").AsGuid().NotNullable().PrimaryKey("pk_applications_confirmation")
                .ForeignKey("fk_applications_confirmation_application", "applications_application", "id")
            .WithColumn("organisation_id").AsGuid().NotNullable().PrimaryKey("pk_applications_confirmation")
            .WithColumn("role").AsString(20).NotNullable()
            .WithColumn("budget_share_bp").AsInt32().NotNullable()
            .WithColumn("confirmed_at").AsDateTimeOffset().NotNullable()
            .WithColumn("confirmed_by").AsString(200).NotNullable()
            .WithColumn("confirmed_by_district").AsString(6).Nullable();

        // Demo consortia already seeded stay valid: their members have agreed (the seeder confirms new ones the same way).
        Execute.Sql("""
            INSERT INTO applications_confirmation (application_id, organisation_id, role, budget_share_bp, confirmed_at, confirmed_by, confirmed_by_district)
            SELECT m.application_id, m.organisation_id, m.role, m.budget_share_bp, a.created_at, '演示数据 / demo data', NULL
            FROM applications_member m INNER JOIN applications_application a ON a.id = m.application_id
            WHERE m.role = 'Member' AND CAST(a.is_demo AS INT) = 1
            """);
    }

    public override void Down()
    {
        Delete.Table("applications_confirmation");
        Delete.Index("ix_applications_member_region").OnTable("applications_member");
        Delete.Column("region_code").FromTable("applications_member");
    }
}
