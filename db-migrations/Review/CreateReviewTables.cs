using FluentMigrator;

namespace Jiebang.Migrations.Review;

[Migration(2026_11_28_30, "Review: expert pool with declared conflicts, rounds with rubrics, items, assignments, scores")]
public sealed class CreateReviewTables : Migration
{
    public override void Up()
    {
        Create.Table("review_expert")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("user_id").AsGuid().Nullable()
            .WithColumn("name").AsString(100).NotNullable()
            .WithColumn("title").AsString(100).NotNullable()
            .WithColumn("fields").AsString(500).NotNullable()
            .WithColumn("affiliation_organisation_id").AsGuid().Nullable()
            .WithColumn("active").AsBoolean().NotNullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable()
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable()
            .WithColumn("version").AsInt32().NotNullable();

        Create.Table("review_expert_conflict")
            .WithColumn("expert_id").AsGuid().NotNullable().PrimaryKey("pk_review_expert_conflict")
                .ForeignKey("fk_review_expert_conflict_expert", "review_expert", "id")
            .WithColumn("organisation_id").AsGuid().NotNullable().PrimaryKey("pk_review_expert_conflict");

        Create.Table("review_round")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("kind").AsString(30).NotNullable()
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("pass_threshold_hundredths").AsInt32().NotNullable()
            .WithColumn("experts_per_item").AsInt32().NotNullable()
            .WithColumn("max_load").AsInt32().NotNullable()
            .WithColumn("spread_limit_hundredths").AsInt32().NotNullable()
            .WithColumn("scoring_opens_at").AsDateTimeOffset().NotNullable()
            .WithColumn("scoring_closes_at").AsDateTimeOffset().NotNullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable()
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable()
            .WithColumn("version").AsInt32().NotNullable();

        Create.Table("review_criterion")
            .WithColumn("round_id").AsGuid().NotNullable().PrimaryKey("pk_review_criterion")
                .ForeignKey("fk_review_criterion_round", "review_round", "id")
            .WithColumn("ordinal").AsInt32().NotNullable().PrimaryKey("pk_review_criterion")
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("weight_hundredths").AsInt32().NotNullable()
            .WithColumn("max_score").AsInt32().NotNullable()
            .WithColumn("threshold_hundredths").AsInt32().Nullable();

        Create.Table("review_item")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("round_id").AsGuid().NotNullable().ForeignKey("fk_review_item_round", "review_round", "id")
            .WithColumn("subject_id").AsGuid().NotNullable()
            .WithColumn("subject_code").AsString(60).NotNullable()
            .WithColumn("title").AsString(300).NotNullable()
            .WithColumn("field").AsString(40).NotNullable()
            .WithColumn("issuer_organisation_id").AsGuid().NotNullable()
            .WithColumn("conflict_organisations").AsString(int.MaxValue).NotNullable()
            .WithColumn("added_at").AsDateTimeOffset().NotNullable();
        Create.Index("ux_review_item_subject").OnTable("review_item")
            .OnColumn("round_id").Ascending().OnColumn("subject_id").Ascending().WithOptions().Unique();

        Create.Table("review_assignment")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("round_id").AsGuid().NotNullable().ForeignKey("fk_review_assignment_round", "review_round", "id")
            .WithColumn("item_id").AsGuid().NotNullable().ForeignKey("fk_review_assignment_item", "review_item", "id")
            .WithColumn("expert_id").AsGuid().NotNullable().ForeignKey("fk_review_assignment_expert", "review_expert", "id")
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("end_reason").AsString(2000).Nullable()
            .WithColumn("assigned_at").AsDateTimeOffset().NotNullable()
            .WithColumn("ended_at").AsDateTimeOffset().Nullable()
            .WithColumn("score_status").AsString(20).NotNullable()
            .WithColumn("comment").AsString(4000).Nullable()
            .WithColumn("saved_at").AsDateTimeOffset().Nullable()
            .WithColumn("submitted_at").AsDateTimeOffset().Nullable()
            .WithColumn("version").AsInt32().NotNullable();
        Create.Index("ux_review_assignment_item_expert").OnTable("review_assignment")
            .OnColumn("item_id").Ascending().OnColumn("expert_id").Ascending().WithOptions().Unique();
        Create.Index("ix_review_assignment_expert").OnTable("review_assignment")
            .OnColumn("expert_id").Ascending().OnColumn("round_id").Ascending();

        Create.Table("review_score")
            .WithColumn("assignment_id").AsGuid().NotNullable().PrimaryKey("pk_review_score")
                .ForeignKey("fk_review_score_assignment", "review_assignment", "id")
            .WithColumn("criterion_ordinal").AsInt32().NotNullable().PrimaryKey("pk_review_score")
            .WithColumn("score_hundredths").AsInt32().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("review_score");
        Delete.Table("review_assignment");
        Delete.Table("review_item");
        Delete.Table("review_criterion");
        Delete.Table("review_round");
        Delete.Table("review_expert_conflict");
        Delete.Table("review_expert");
    }
}
