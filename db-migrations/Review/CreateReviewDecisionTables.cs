using FluentMigrator;

namespace Jiebang.Migrations.Review;

[Migration(2026_11_28_31, "Review: issuer matchmaking, decisions per item, publication period, objections")]
public sealed class CreateReviewDecisionTables : Migration
{
    public override void Up()
    {
        Alter.Table("review_round")
            .AddColumn("publicised_at").AsDateTimeOffset().Nullable()
            .AddColumn("objections_close_at").AsDateTimeOffset().Nullable();

        Create.Table("review_matchmaking")
            .WithColumn("item_id").AsGuid().PrimaryKey().ForeignKey("fk_review_matchmaking_item", "review_item", "id")
            .WithColumn("round_id").AsGuid().NotNullable()
            .WithColumn("matched").AsBoolean().NotNullable()
            .WithColumn("note").AsString(2000).NotNullable()
            .WithColumn("recorded_at").AsDateTimeOffset().NotNullable()
            .WithColumn("recorded_by").AsString(200).NotNullable();

        Create.Table("review_decision")
            .WithColumn("item_id").AsGuid().PrimaryKey().ForeignKey("fk_review_decision_item", "review_item", "id")
            .WithColumn("round_id").AsGuid().NotNullable().Indexed("ix_review_decision_round")
            .WithColumn("outcome").AsString(20).NotNullable()
            .WithColumn("reason").AsString(2000).NotNullable()
            .WithColumn("decided_at").AsDateTimeOffset().NotNullable()
            .WithColumn("decided_by").AsString(200).NotNullable();

        Create.Table("review_objection")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("round_id").AsGuid().NotNullable().Indexed("ix_review_objection_round")
            .WithColumn("item_id").AsGuid().NotNullable().ForeignKey("fk_review_objection_item", "review_item", "id")
            .WithColumn("organisation_id").AsGuid().NotNullable()
            .WithColumn("reason").AsString(4000).NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("resolution").AsString(4000).Nullable()
            .WithColumn("filed_at").AsDateTimeOffset().NotNullable()
            .WithColumn("resolved_at").AsDateTimeOffset().Nullable();
    }

    public override void Down()
    {
        Delete.Table("review_objection");
        Delete.Table("review_decision");
        Delete.Table("review_matchmaking");
        Delete.Column("objections_close_at").FromTable("review_round");
        Delete.Column("publicised_at").FromTable("review_round");
    }
}
