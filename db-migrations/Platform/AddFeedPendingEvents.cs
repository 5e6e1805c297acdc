using FluentMigrator;

namespace Jiebang.Migrations.Platform;

[Migration(2026_11_28_71, "Platform: feed events wait unordered until the feed sequences them, so writers no longer queue on the counter")]
public sealed class AddFeedPendingEvents : Migration
{
    public override void Up()
    {
        // Writers insert here inside their own transaction, with no shared lock. The feed gives committed rows their
        // positions (in seq order, which follows commit order for changes that depend on each other) under the counter's
        // lock and moves them to platform_feed_event.
        Create.Table("platform_feed_pending")
            .WithColumn("seq").AsInt64().PrimaryKey().Identity()
            .WithColumn("id").AsGuid().NotNullable().Unique("ux_platform_feed_pending_id")
            .WithColumn("occurred_at").AsDateTimeOffset().NotNullable()
            .WithColumn("type").AsString(60).NotNullable()
            .WithColumn("resource_type").AsString(40).NotNullable()
            .WithColumn("resource_id").AsGuid().NotNullable()
            .WithColumn("is_public").AsBoolean().NotNullable()
            .WithColumn("payload").AsString(4000).NotNullable();

        Create.Table("platform_feed_pending_audience")
            .WithColumn("event_id").AsGuid().NotNullable().PrimaryKey("pk_platform_feed_pending_audience")
            .WithColumn("organisation_id").AsGuid().NotNullable().PrimaryKey("pk_platform_feed_pending_audience")
            .WithColumn("region_code").AsString(6).NotNullable();

        Create.Index("ux_platform_feed_event_id").OnTable("platform_feed_event").OnColumn("id").Unique();
    }

    public override void Down()
    {
        Delete.Index("ux_platform_feed_event_id").OnTable("platform_feed_event");
        Delete.Table("platform_feed_pending_audience");
        Delete.Table("platform_feed_pending");
    }
}
