using FluentMigrator;

namespace Jiebang.Migrations.Review;

[Migration(2026_11_28_53, "Review: conflicts declared against people, the people on each item, the round's visibility policy, pass/fail kept at close, demo flags")]
public sealed class AddReviewPeopleConflictsAndVisibility : Migration
{
    public override void Up()
    {
        // A person is named, not identified by an ID-card number: name plus, when known, the organisation.
        Create.Table("review_expert_person_conflict")
            .WithColumn("expert_id").AsGuid().NotNullable().PrimaryKey("pk_review_expert_person_conflict")
                .ForeignKey("fk_review_expert_person_conflict_expert", "review_expert", "id")
            .WithColumn("ordinal").AsInt32().NotNullable().PrimaryKey("pk_review_expert_person_conflict")
            .WithColumn("name").AsString(100).NotNullable()
            .WithColumn("organisation_id").AsGuid().Nullable();

        Alter.Table("review_item")
            .AddColumn("conflict_people").AsString(int.MaxValue).Nullable()
            .AddColumn("challenge_id").AsGuid().Nullable()
            .AddColumn("passed").AsBoolean().Nullable();

        Alter.Table("review_round")
            .AddColumn("visibility").AsString(30).NotNullable().WithDefaultValue("SealedUntilClose")
            .AddColumn("is_demo").AsBoolean().NotNullable().WithDefaultValue(false);

        Alter.Table("review_expert").AddColumn("is_demo").AsBoolean().NotNullable().WithDefaultValue(false);
    }

    public override void Down()
    {
        Delete.Column("is_demo").FromTable("review_expert");
        Delete.Column("is_demo").FromTable("review_round");
        Delete.Column("visibility").FromTable("review_round");
        Delete.Column("passed").FromTable("review_item");
        Delete.Column("challenge_id").FromTable("review_item");
        Delete.Column("conflict_people").FromTable("review_item");
        Delete.Table("review_expert_person_conflict");
    }
}
