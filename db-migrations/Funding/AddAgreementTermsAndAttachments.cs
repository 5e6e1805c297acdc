using FluentMigrator;

namespace Jiebang.Migrations.Funding;

[Migration(2026_11_28_45, "Funding: milestone deliverables and indicator targets, demo policies, the issuer's countersignature, first-cooperation pairs, progress-report attachments, the ledger guarded against UPDATE and DELETE")]
public sealed class AddAgreementTermsAndAttachments : Migration
{
    public override void Up()
    {
        // JSON arrays: deliverables (text) and indicator targets ({indicatorId, target}) agreed for the milestone.
        Alter.Table("funding_milestone")
            .AddColumn("deliverables").AsString(int.MaxValue).NotNullable().WithDefaultValue("[]")
            .AddColumn("indicator_targets").AsString(int.MaxValue).NotNullable().WithDefaultValue("[]");

        // Policies the demo data set (their figures are made up: the real ratio was not published) say so.
        Alter.Table("funding_policy").AddColumn("is_demo").AsBoolean().NotNullable().WithDefaultValue(false);

        // The issuer countersigns the agreement the task force recorded; no money is paid before it has.
        Alter.Table("funding_agreement")
            .AddColumn("issuer_confirmed_by").AsString(200).Nullable()
            .AddColumn("issuer_confirmed_at").AsDateTimeOffset().Nullable();

        // One row per (issuer, applicant organisation) that ever signed an agreement together. Its primary key makes the
        // first-cooperation rule hold under concurrency across batches, whose signings lock different policy rows.
        Create.Table("funding_cooperation")
            .WithColumn("issuer_organisation_id").AsGuid().NotNullable().PrimaryKey("pk_funding_cooperation")
            .WithColumn("organisation_id").AsGuid().NotNullable().PrimaryKey("pk_funding_cooperation")
            .WithColumn("agreement_id").AsGuid().NotNullable()
                .ForeignKey("fk_funding_cooperation_agreement", "funding_agreement", "id");
        // The earliest agreement of each pair already recorded (there is one unless a race slipped through before this).
        Execute.Sql("""
            INSERT INTO funding_cooperation (issuer_organisation_id, organisation_id, agreement_id)
            SELECT p.issuer_organisation_id, p.organisation_id, p.agreement_id
            FROM funding_party p JOIN funding_agreement a ON a.id = p.agreement_id
            WHERE p.role <> 'Issuer' AND NOT EXISTS (
                SELECT 1 FROM funding_party q JOIN funding_agreement b ON b.id = q.agreement_id
                WHERE q.issuer_organisation_id = p.issuer_organisation_id AND q.organisation_id = p.organisation_id AND q.role <> 'Issuer'
                  AND (b.signed_at < a.signed_at OR (b.signed_at = a.signed_at AND b.code < a.code)))
            """);

        // The ledger is append-only in the database too, whatever SQL a future slice might send.
        IfDatabase(Is("SQLite")).Execute.Sql("""
            CREATE TRIGGER tr_funding_ledger_no_update BEFORE UPDATE ON funding_ledger
            BEGIN SELECT RAISE(ABORT, 'funding_ledger is append-only'); END
            """);
        IfDatabase(Is("SQLite")).Execute.Sql("""
            CREATE TRIGGER tr_funding_ledger_no_delete BEFORE DELETE ON funding_ledger
            BEGIN SELECT RAISE(ABORT, 'funding_ledger is append-only'); END
            """);
        IfDatabase(Is("Postgres")).Execute.Sql("""
            CREATE FUNCTION funding_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'funding_ledger is append-only'; END $$;
            CREATE TRIGGER tr_funding_ledger_append_only BEFORE UPDATE OR DELETE ON funding_ledger
                FOR EACH ROW EXECUTE FUNCTION funding_ledger_append_only();
            """);
        IfDatabase(Is("SqlServer")).Execute.Sql("""
            CREATE TRIGGER tr_funding_ledger_append_only ON funding_ledger INSTEAD OF UPDATE, DELETE
            AS BEGIN THROW 50000, 'funding_ledger is append-only', 1; END
            """);

        Create.Table("funding_progress_attachment")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("report_id").AsGuid().NotNullable().Indexed("ix_funding_progress_attachment_report")
                .ForeignKey("fk_funding_progress_attachment_report", "funding_progress_report", "id")
            .WithColumn("file_name").AsString(255).NotNullable()
            .WithColumn("content_type").AsString(100).NotNullable()
            .WithColumn("size_bytes").AsInt64().NotNullable()
            .WithColumn("sha256").AsString(64).NotNullable()
            .WithColumn("content").AsBinary(int.MaxValue).NotNullable()
            .WithColumn("uploaded_by").AsString(200).NotNullable()
            .WithColumn("uploaded_at").AsDateTimeOffset().NotNullable();
    }

    /// <summary>Matches a provider family whatever version the runner picked (Postgres15_0, SqlServer2016…).</summary>
    private static Predicate<string> Is(string family) => type => type.StartsWith(family, StringComparison.OrdinalIgnoreCase);

    public override void Down()
    {
        Delete.Table("funding_progress_attachment");
        IfDatabase(Is("SQLite")).Execute.Sql("DROP TRIGGER tr_funding_ledger_no_update");
        IfDatabase(Is("SQLite")).Execute.Sql("DROP TRIGGER tr_funding_ledger_no_delete");
        IfDatabase(Is("Postgres")).Execute.Sql("DROP TRIGGER tr_funding_ledger_append_only ON funding_ledger; DROP FUNCTION funding_ledger_append_only();");
        IfDatabase(Is("SqlServer")).Execute.Sql("DROP TRIGGER tr_funding_ledger_append_only");
        Delete.Table("funding_cooperation");
        Delete.Column("issuer_confirmed_at").Column("issuer_confirmed_by").FromTable("funding_agreement");
        Delete.Column("indicator_targets").Column("deliverables").FromTable("funding_milestone");
        Delete.Column("is_demo").FromTable("funding_policy");
    }
}
