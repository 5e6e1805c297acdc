using FluentMigrator;

namespace Jiebang.Migrations.Platform;

[Migration(2026_12_02_30, "Platform: an Idempotency-Key retry gets the first response's headers (ETag, Location, …) again")]
public sealed class AddIdempotencyResponseHeaders : Migration
{
    public override void Up()
    {
        // JSON object of header name → values the write set; null for responses stored before (only location was kept).
        Alter.Table("platform_idempotency").AddColumn("response_headers").AsString(int.MaxValue).Nullable();
    }

    public override void Down() => Delete.Column("response_headers").FromTable("platform_idempotency");
}
