using FluentMigrator;

namespace Jiebang.Migrations.Platform;

[Migration(2026_11_28_03, "Platform: stored responses for Idempotency-Key retries")]
public sealed class CreateIdempotencyTable : Migration
{
    public override void Up()
    {
        Create.Table("platform_idempotency")
            .WithColumn("scope").AsString(100).NotNullable().PrimaryKey("pk_platform_idempotency")
            .WithColumn("idempotency_key").AsString(200).NotNullable().PrimaryKey("pk_platform_idempotency")
            .WithColumn("operation").AsString(100).NotNullable()
            .WithColumn("request_hash").AsString(64).NotNullable()
            .WithColumn("status_code").AsInt32().NotNullable()
            .WithColumn("response_body").AsString(int.MaxValue).NotNullable()
            .WithColumn("location").AsString(500).Nullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable();
    }

    public override void Down() => Delete.Table("platform_idempotency");
}
