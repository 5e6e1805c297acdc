using FluentMigrator;

namespace Jiebang.Migrations.Platform;

/// <summary>
/// Long actions run as jobs in the background: one row per job with its progress and result. active_key holds
/// "kind|target" while the job is Queued or Running and the job's own id once it has finished, so the unique index
/// lets only one job of a kind per target be active at a time on every provider (no filtered index needed).
/// </summary>
[Migration(2026_11_28_70, "Platform: background jobs with progress and results")]
public sealed class CreateJobsTable : Migration
{
    public override void Up()
    {
        Create.Table("platform_job")
            .WithColumn("id").AsGuid().NotNullable().PrimaryKey("pk_platform_job")
            .WithColumn("kind").AsString(100).NotNullable()
            .WithColumn("target").AsString(200).NotNullable()
            .WithColumn("active_key").AsString(320).NotNullable().Unique("ux_platform_job_active_key")
            .WithColumn("requested_by").AsGuid().NotNullable()
            .WithColumn("requested_by_name").AsString(200).NotNullable()
            .WithColumn("requested_by_role").AsString(50).NotNullable()
            .WithColumn("requested_by_org").AsGuid().Nullable()
            .WithColumn("parameters").AsString(int.MaxValue).NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("processed").AsInt32().NotNullable()
            .WithColumn("total").AsInt32().NotNullable()
            .WithColumn("attempts").AsInt32().NotNullable()
            .WithColumn("result").AsString(int.MaxValue).Nullable()
            .WithColumn("result_file").AsBinary(int.MaxValue).Nullable()
            .WithColumn("result_file_name").AsString(300).Nullable()
            .WithColumn("result_content_type").AsString(200).Nullable()
            .WithColumn("problem_code").AsString(100).Nullable()
            .WithColumn("problem_detail").AsString(1000).Nullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable()
            .WithColumn("started_at").AsDateTimeOffset().Nullable()
            .WithColumn("finished_at").AsDateTimeOffset().Nullable();
        Create.Index("ix_platform_job_requested_by").OnTable("platform_job")
            .OnColumn("requested_by").Ascending().OnColumn("created_at").Descending();
        Create.Index("ix_platform_job_status").OnTable("platform_job")
            .OnColumn("status").Ascending().OnColumn("created_at").Ascending();
    }

    public override void Down() => Delete.Table("platform_job");
}
