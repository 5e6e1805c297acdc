using FluentMigrator;

namespace Jiebang.Migrations.Challenges;

[Migration(2026_11_28_02, "Challenges: programmes, batches, challenges, technical indicators")]
public sealed class CreateChallengesTables : Migration
{
    public override void Up()
    {
        Create.Table("challenges_programme")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("code").AsString(40).NotNullable().Unique("ux_challenges_programme_code")
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("name_en").AsString(300).Nullable()
            .WithColumn("operator_name").AsString(200).NotNullable()
            .WithColumn("description").AsString(int.MaxValue).Nullable()
            .WithColumn("target_consortia").AsInt32().NotNullable()
            .WithColumn("target_year").AsInt32().NotNullable()
            .WithColumn("is_demo").AsBoolean().NotNullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable()
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable()
            .WithColumn("version").AsInt32().NotNullable();

        Create.Table("challenges_batch")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("programme_id").AsGuid().NotNullable()
                .ForeignKey("fk_challenges_batch_programme", "challenges_programme", "id")
            .WithColumn("code").AsString(40).NotNullable().Unique("ux_challenges_batch_code")
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("name_en").AsString(300).Nullable()
            .WithColumn("opens_on").AsString(10).NotNullable()
            .WithColumn("closes_on").AsString(10).NotNullable()
            .WithColumn("opens_at").AsDateTimeOffset().NotNullable()
            .WithColumn("closes_at").AsDateTimeOffset().NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("published_at").AsDateTimeOffset().Nullable()
            .WithColumn("challenge_seq").AsInt32().NotNullable()
            .WithColumn("is_demo").AsBoolean().NotNullable()
            .WithColumn("note").AsString(1000).Nullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable()
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable()
            .WithColumn("version").AsInt32().NotNullable();
        Create.Index("ix_challenges_batch_programme").OnTable("challenges_batch").OnColumn("programme_id");

        Create.Table("challenges_challenge")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("code").AsString(40).NotNullable().Unique("ux_challenges_challenge_code")
            .WithColumn("batch_id").AsGuid().NotNullable()
                .ForeignKey("fk_challenges_challenge_batch", "challenges_batch", "id")
            .WithColumn("organisation_id").AsGuid().NotNullable()
            .WithColumn("organisation_name").AsString(200).NotNullable()
            .WithColumn("field").AsString(40).NotNullable()
            .WithColumn("title").AsString(300).NotNullable()
            .WithColumn("title_en").AsString(300).Nullable()
            .WithColumn("background").AsString(int.MaxValue).NotNullable()
            .WithColumn("deliverables").AsString(int.MaxValue).NotNullable()
            .WithColumn("rd_months").AsInt32().NotNullable()
            .WithColumn("planned_investment_fen").AsInt64().NotNullable()
            .WithColumn("procurement_amount_fen").AsInt64().Nullable()
            .WithColumn("procurement_quantity").AsString(200).Nullable()
            .WithColumn("procurement_terms").AsString(int.MaxValue).Nullable()
            .WithColumn("contact_name").AsString(100).NotNullable()
            .WithColumn("contact_phone").AsString(50).NotNullable()
            .WithColumn("contact_email").AsString(200).Nullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("status_reason").AsString(int.MaxValue).Nullable()
            .WithColumn("source_note").AsString(500).Nullable()
            .WithColumn("is_demo").AsBoolean().NotNullable()
            .WithColumn("created_by").AsGuid().Nullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable()
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable()
            .WithColumn("submitted_at").AsDateTimeOffset().Nullable()
            .WithColumn("published_at").AsDateTimeOffset().Nullable()
            .WithColumn("version").AsInt32().NotNullable();
        Create.Index("ix_challenges_challenge_batch_status").OnTable("challenges_challenge")
            .OnColumn("batch_id").Ascending().OnColumn("status").Ascending();
        Create.Index("ix_challenges_challenge_organisation").OnTable("challenges_challenge").OnColumn("organisation_id");
        Create.Index("ix_challenges_challenge_status_field").OnTable("challenges_challenge")
            .OnColumn("status").Ascending().OnColumn("field").Ascending();

        Create.Table("challenges_indicator")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("challenge_id").AsGuid().NotNullable()
                .ForeignKey("fk_challenges_indicator_challenge", "challenges_challenge", "id")
            .WithColumn("ordinal").AsInt32().NotNullable()
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("target").AsString(200).NotNullable()
            .WithColumn("unit").AsString(50).Nullable()
            .WithColumn("verification").AsString(1000).Nullable();
        Create.Index("ix_challenges_indicator_challenge").OnTable("challenges_indicator")
            .OnColumn("challenge_id").Ascending().OnColumn("ordinal").Ascending();
    }

    public override void Down()
    {
        Delete.Table("challenges_indicator");
        Delete.Table("challenges_challenge");
        Delete.Table("challenges_batch");
        Delete.Table("challenges_programme");
    }
}
