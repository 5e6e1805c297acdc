using FluentMigrator;

namespace Jiebang.Migrations.Platform;

[Migration(2026_11_28_73, "Platform: outbox of notifications between modules, written with the change that causes them")]
public sealed class CreateOutboxTable : Migration
{
    public override void Up()
    {
        // A row is written in the transaction of the change; it is delivered right after commit and, if the process dies
        // first or a handler fails, again by the dispatcher once its claim has lapsed. Handlers are idempotent.
        Create.Table("platform_outbox")
            .WithColumn("seq").AsInt64().PrimaryKey().Identity()
            .WithColumn("id").AsGuid().NotNullable().Unique("ux_platform_outbox_id")
            .WithColumn("type").AsString(300).NotNullable()
            .WithColumn("payload").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable()
            .WithColumn("claimed_until").AsDateTimeOffset().NotNullable()
            .WithColumn("dispatched_at").AsDateTimeOffset().Nullable()
            .WithColumn("attempts").AsInt32().NotNullable()
            .WithColumn("last_error").AsString(2000).Nullable();
        Create.Index("ix_platform_outbox_pending").OnTable("platform_outbox")
            .OnColumn("dispatched_at").Ascending().OnColumn("claimed_until").Ascending();
    }

    public override void Down() => Delete.Table("platform_outbox");
}
