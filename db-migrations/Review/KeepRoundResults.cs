using FluentMigrator;

namespace Jiebang.Migrations.Review;

/// <summary>
/// A round's results are fixed once scoring closes (no score changes after that), so closing keeps them per item and
/// criterion; reading them no longer recomputes 25,000 scores on every request (found by the bench at profile L).
/// Rounds closed before this migration have no rows here and are computed as before.
/// </summary>
[Migration(2026_11_28_72, "Review: results kept per item and criterion when scoring closes")]
public sealed class KeepRoundResults : Migration
{
    public override void Up()
    {
        Create.Table("review_item_result")
            .WithColumn("item_id").AsGuid().PrimaryKey().ForeignKey("fk_review_item_result_item", "review_item", "id")
            .WithColumn("round_id").AsGuid().NotNullable().ForeignKey("fk_review_item_result_round", "review_round", "id")
            .WithColumn("sheets").AsInt32().NotNullable()
            .WithColumn("trimmed_mean_hundredths").AsInt32().Nullable()
            .WithColumn("trimmed").AsBoolean().NotNullable()
            .WithColumn("standard_deviation_hundredths").AsInt32().Nullable()
            .WithColumn("spread_hundredths").AsInt32().Nullable()
            .WithColumn("result_rank").AsInt32().Nullable()
            .WithColumn("passed").AsBoolean().NotNullable()
            .WithColumn("spread_flag").AsBoolean().NotNullable();
        Create.Index("ix_review_item_result_round").OnTable("review_item_result").OnColumn("round_id").Ascending();

        Create.Table("review_item_criterion_result")
            .WithColumn("item_id").AsGuid().NotNullable().PrimaryKey("pk_review_item_criterion_result")
                .ForeignKey("fk_review_item_criterion_result_item", "review_item", "id")
            .WithColumn("ordinal").AsInt32().NotNullable().PrimaryKey("pk_review_item_criterion_result")
            .WithColumn("round_id").AsGuid().NotNullable()
            .WithColumn("mean_hundredths").AsInt32().NotNullable()
            .WithColumn("passed").AsBoolean().NotNullable();
        Create.Index("ix_review_item_criterion_result_round").OnTable("review_item_criterion_result").OnColumn("round_id").Ascending();
    }

    public override void Down()
    {
        Delete.Table("review_item_criterion_result");
        Delete.Table("review_item_result");
    }
}
