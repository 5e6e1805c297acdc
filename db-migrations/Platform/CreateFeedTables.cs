using FluentMigrator;

namespace Jiebang.Migrations.Platform;

[Migration(2026_11_28_05, "Platform: the change feed (events in commit order, with who may see them)")]
public sealed class CreateFeedTables : Migration
{
    public override void Up()
    {
        // One row; writers take its lock with an UPDATE, so events commit in position order.
        Create.Table("platform_feed_counter")
            .WithColumn("id").AsInt32().PrimaryKey()
            .WithColumn("last_position").AsInt64().NotNullable();
        Insert.IntoTable("platform_feed_counter").Row(new { id = 1, last_position = 0L });

        Create.Table("platform_feed_event")
            .WithColumn("position").AsInt64().PrimaryKey()
            .WithColumn("id").AsGuid().NotNullable()
            .WithColumn("occurred_at").AsDateTimeOffset().NotNullable()
            .WithColumn("type").AsString(60).NotNullable()
            .WithColumn("resource_type").AsString(40).NotNullable()
            .WithColumn("resource_id").AsGuid().NotNullable()
            .WithColumn("is_public").AsBoolean().NotNullable()
            .WithColumn("payload").AsString(4000).NotNullable();
        Create.Index("ix_platform_feed_event_resource").OnTable("platform_feed_event")
            .OnColumn("resource_id").Ascending().OnColumn("type").Ascending();

        Create.Table("platform_feed_audience")
            .WithColumn("position").AsInt64().NotNullable().PrimaryKey("pk_platform_feed_audience")
            .WithColumn("organisation_id").AsGuid().NotNullable().PrimaryKey("pk_platform_feed_audience")
            .WithColumn("region_code").AsString(6).NotNullable();
        Create.Index("ix_platform_feed_audience_organisation").OnTable("platform_feed_audience")
            .OnColumn("organisation_id").Ascending().OnColumn("position").Ascending();
    }

    public override void Down()
    {
        Delete.Table("platform_feed_audience");
        Delete.Table("platform_feed_event");
        Delete.Table("platform_feed_counter");
    }
}
