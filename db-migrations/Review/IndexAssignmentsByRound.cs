using FluentMigrator;

namespace Jiebang.Migrations.Review;

/// <summary>
/// Results, the assignment board and automatic assignment read a round's assignments by round_id; without this index
/// every such read scanned the assignments of every round (found by the bench at profile L: 100,000 assignments).
/// </summary>
[Migration(2026_11_28_60, "Review: index assignments by round")]
public sealed class IndexAssignmentsByRound : Migration
{
    public override void Up() =>
        Create.Index("ix_review_assignment_round").OnTable("review_assignment")
            .OnColumn("round_id").Ascending().OnColumn("item_id").Ascending();

    public override void Down() => Delete.Index("ix_review_assignment_round").OnTable("review_assignment");
}
