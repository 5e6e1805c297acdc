using FluentMigrator;

namespace Jiebang.Migrations.Applications;

[Migration(2026_11_28_20, "Applications: applications, consortium members, submitted versions, attachments, counters")]
public sealed class CreateApplicationsTables : Migration
{
    public override void Up()
    {
        Create.Table("applications_application")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("code").AsString(60).NotNullable().Unique("ux_applications_application_code")
            .WithColumn("challenge_id").AsGuid().NotNullable()
            .WithColumn("challenge_code").AsString(40).NotNullable()
            .WithColumn("challenge_title").AsString(300).NotNullable()
            .WithColumn("batch_id").AsGuid().NotNullable()
            .WithColumn("issuer_organisation_id").AsGuid().NotNullable()
            .WithColumn("closes_at").AsDateTimeOffset().NotNullable()
            .WithColumn("lead_organisation_id").AsGuid().NotNullable()
            .WithColumn("lead_organisation_name").AsString(200).NotNullable()
            .WithColumn("lead_region_code").AsString(6).NotNullable()
            .WithColumn("status").AsString(30).NotNullable()
            .WithColumn("eligibility").AsString(20).Nullable()
            .WithColumn("eligibility_results").AsString(int.MaxValue).Nullable()
            .WithColumn("eligibility_checked_at").AsDateTimeOffset().Nullable()
            .WithColumn("eligibility_override_reason").AsString(2000).Nullable()
            .WithColumn("content").AsString(int.MaxValue).NotNullable()
            .WithColumn("own_investment_fen").AsInt64().NotNullable()
            .WithColumn("submitted_version").AsInt32().NotNullable()
            .WithColumn("submitted_at").AsDateTimeOffset().Nullable()
            .WithColumn("created_by").AsGuid().Nullable()
            .WithColumn("created_by_district").AsString(6).Nullable()
            .WithColumn("is_demo").AsBoolean().NotNullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable()
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable()
            .WithColumn("version").AsInt32().NotNullable();
        Create.Index("ix_applications_application_challenge").OnTable("applications_application")
            .OnColumn("challenge_id").Ascending().OnColumn("status").Ascending();
        Create.Index("ix_applications_application_batch").OnTable("applications_application")
            .OnColumn("batch_id").Ascending().OnColumn("status").Ascending();
        Create.Index("ix_applications_application_lead").OnTable("applications_application").OnColumn("lead_organisation_id");
        Create.Index("ix_applications_application_issuer").OnTable("applications_application").OnColumn("issuer_organisation_id");

        Create.Table("applications_member")
            .WithColumn("application_id").AsGuid().NotNullable().PrimaryKey("pk_applications_member")
                .ForeignKey("fk_applications_member_application", "applications_application", "id")
            .WithColumn("ordinal").AsInt32().NotNullable().PrimaryKey("pk_applications_member")
            .WithColumn("organisation_id").AsGuid().NotNullable().Indexed("ix_applications_member_organisation")
            .WithColumn("organisation_name").AsString(200).NotNullable()
            .WithColumn("role").AsString(20).NotNullable()
            .WithColumn("budget_share_bp").AsInt32().NotNullable();

        Create.Table("applications_submission")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("application_id").AsGuid().NotNullable()
                .ForeignKey("fk_applications_submission_application", "applications_application", "id")
            .WithColumn("version_no").AsInt32().NotNullable()
            .WithColumn("content").AsString(int.MaxValue).NotNullable()
            .WithColumn("submitted_at").AsDateTimeOffset().NotNullable()
            .WithColumn("submitted_by").AsString(200).NotNullable();
        Create.Index("ux_applications_submission_version").OnTable("applications_submission")
            .OnColumn("application_id").Ascending().OnColumn("version_no").Ascending().WithOptions().Unique();

        Create.Table("applications_attachment")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("application_id").AsGuid().NotNullable().Indexed("ix_applications_attachment_application")
                .ForeignKey("fk_applications_attachment_application", "applications_application", "id")
            .WithColumn("file_name").AsString(255).NotNullable()
            .WithColumn("content_type").AsString(100).NotNullable()
            .WithColumn("size_bytes").AsInt64().NotNullable()
            .WithColumn("sha256").AsString(64).NotNullable()
            .WithColumn("storage_name").AsString(100).NotNullable()
            .WithColumn("uploaded_by").AsString(200).NotNullable()
            .WithColumn("uploaded_at").AsDateTimeOffset().NotNullable();

        Create.Table("applications_counter")
            .WithColumn("challenge_id").AsGuid().PrimaryKey()
            .WithColumn("next_no").AsInt32().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("applications_counter");
        Delete.Table("applications_attachment");
        Delete.Table("applications_submission");
        Delete.Table("applications_member");
        Delete.Table("applications_application");
    }
}
