using FluentMigrator;

namespace Jiebang.Migrations.Platform;

[Migration(2026_12_02_40, "Platform: a feed event's audience names the roles that may open its resource, per organisation, instead of every caller of the organisation and of its region")]
public sealed class AddFeedReaderRoles : Migration
{
    // The events written before this migration: who may open each resource. Application events reached the districts of
    // the lead and the members and their organisations' users whatever their role; agreements and round publications also
    // reached the district keys covering the parties, which may open neither. Task force and auditors need no row.
    private const string ApplicationEvent = "'application.status_changed'";
    private const string PartyEvents = "'agreement.signed', 'review.round_publicised'";

    public override void Up()
    {
        // One row per (organisation, role) whose callers receive the event: the users in that role belonging to the
        // organisation, or (role District) the district keys whose district covers the organisation's registered region,
        // looked up in platform_organisation when the feed is read.
        Create.Table("platform_feed_reader")
            .WithColumn("position").AsInt64().NotNullable().PrimaryKey("pk_platform_feed_reader")
            .WithColumn("organisation_id").AsGuid().NotNullable().PrimaryKey("pk_platform_feed_reader")
            .WithColumn("role").AsString(40).NotNullable().PrimaryKey("pk_platform_feed_reader");
        Create.Index("ix_platform_feed_reader_organisation").OnTable("platform_feed_reader")
            .OnColumn("organisation_id").Ascending().OnColumn("role").Ascending().OnColumn("position").Ascending();

        Create.Table("platform_feed_pending_reader")
            .WithColumn("event_id").AsGuid().NotNullable().PrimaryKey("pk_platform_feed_pending_reader")
            .WithColumn("organisation_id").AsGuid().NotNullable().PrimaryKey("pk_platform_feed_pending_reader")
            .WithColumn("role").AsString(40).NotNullable().PrimaryKey("pk_platform_feed_pending_reader");

        foreach (var (role, types) in Readers)
        {
            Execute.Sql($"""
                INSERT INTO platform_feed_reader (position, organisation_id, role)
                SELECT a.position, a.organisation_id, '{role}'
                FROM platform_feed_audience a JOIN platform_feed_event e ON e.position = a.position
                WHERE e.type IN ({types})
                """);
            Execute.Sql($"""
                INSERT INTO platform_feed_pending_reader (event_id, organisation_id, role)
                SELECT a.event_id, a.organisation_id, '{role}'
                FROM platform_feed_pending_audience a JOIN platform_feed_pending p ON p.id = a.event_id
                WHERE p.type IN ({types})
                """);
        }

        Delete.Table("platform_feed_pending_audience");
        Delete.Table("platform_feed_audience");
    }

    private static readonly (string Role, string Types)[] Readers =
    [
        ("Applicant", ApplicationEvent + ", " + PartyEvents),
        ("District", ApplicationEvent),
        ("Issuer", PartyEvents),
    ];

    public override void Down()
    {
        Create.Table("platform_feed_audience")
            .WithColumn("position").AsInt64().NotNullable().PrimaryKey("pk_platform_feed_audience")
            .WithColumn("organisation_id").AsGuid().NotNullable().PrimaryKey("pk_platform_feed_audience")
            .WithColumn("region_code").AsString(6).NotNullable();
        Create.Index("ix_platform_feed_audience_organisation").OnTable("platform_feed_audience")
            .OnColumn("organisation_id").Ascending().OnColumn("position").Ascending();
        Create.Table("platform_feed_pending_audience")
            .WithColumn("event_id").AsGuid().NotNullable().PrimaryKey("pk_platform_feed_pending_audience")
            .WithColumn("organisation_id").AsGuid().NotNullable().PrimaryKey("pk_platform_feed_pending_audience")
            .WithColumn("region_code").AsString(6).NotNullable();

        Execute.Sql("""
            INSERT INTO platform_feed_audience (position, organisation_id, region_code)
            SELECT DISTINCT r.position, r.organisation_id, o.region_code
            FROM platform_feed_reader r JOIN platform_organisation o ON o.id = r.organisation_id
            """);
        Execute.Sql("""
            INSERT INTO platform_feed_pending_audience (event_id, organisation_id, region_code)
            SELECT DISTINCT r.event_id, r.organisation_id, o.region_code
            FROM platform_feed_pending_reader r JOIN platform_organisation o ON o.id = r.organisation_id
            """);

        Delete.Table("platform_feed_pending_reader");
        Delete.Table("platform_feed_reader");
    }
}
