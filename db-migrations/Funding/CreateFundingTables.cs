using FluentMigrator;

namespace Jiebang.Migrations.Funding;

[Migration(2026_11_28_40, "Funding: policies per batch, agreements with parties and milestones, the append-only ledger, progress reports, acceptance")]
public sealed class CreateFundingTables : Migration
{
    public override void Up()
    {
        // One row per batch; signing locks it, so it is also the batch budget's lock row.
        Create.Table("funding_policy")
            .WithColumn("batch_id").AsGuid().PrimaryKey()
            .WithColumn("ratio_bp").AsInt32().NotNullable()
            .WithColumn("cap_per_project_fen").AsInt64().NotNullable()
            .WithColumn("total_budget_fen").AsInt64().NotNullable()
            .WithColumn("tranches").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable()
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable()
            .WithColumn("version").AsInt32().NotNullable();

        Create.Table("funding_agreement")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("code").AsString(80).NotNullable().Unique("ux_funding_agreement_code")
            .WithColumn("application_id").AsGuid().NotNullable().Unique("ux_funding_agreement_application")
            .WithColumn("challenge_id").AsGuid().NotNullable().Unique("ux_funding_agreement_challenge")
            .WithColumn("batch_id").AsGuid().NotNullable().Indexed("ix_funding_agreement_batch")
            .WithColumn("issuer_organisation_id").AsGuid().NotNullable()
            .WithColumn("lead_organisation_id").AsGuid().NotNullable()
            .WithColumn("issuer_investment_fen").AsInt64().NotNullable()
            .WithColumn("applicant_investment_fen").AsInt64().NotNullable()
            .WithColumn("ratio_bp").AsInt32().NotNullable()
            .WithColumn("cap_fen").AsInt64().NotNullable()
            .WithColumn("commitment_fen").AsInt64().NotNullable()
            .WithColumn("tranches").AsString(int.MaxValue).NotNullable()
            .WithColumn("starts_on").AsString(10).NotNullable()
            .WithColumn("ends_on").AsString(10).NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("signed_at").AsDateTimeOffset().NotNullable()
            .WithColumn("signed_by").AsString(200).NotNullable()
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable()
            .WithColumn("version").AsInt32().NotNullable();

        Create.Table("funding_party")
            .WithColumn("agreement_id").AsGuid().NotNullable().PrimaryKey("pk_funding_party")
                .ForeignKey("fk_funding_party_agreement", "funding_agreement", "id")
            .WithColumn("organisation_id").AsGuid().NotNullable().PrimaryKey("pk_funding_party")
            .WithColumn("role").AsString(20).NotNullable()
            .WithColumn("issuer_organisation_id").AsGuid().NotNullable();
        Create.Index("ix_funding_party_issuer").OnTable("funding_party")
            .OnColumn("issuer_organisation_id").Ascending().OnColumn("organisation_id").Ascending();

        Create.Table("funding_milestone")
            .WithColumn("agreement_id").AsGuid().NotNullable().PrimaryKey("pk_funding_milestone")
                .ForeignKey("fk_funding_milestone_agreement", "funding_agreement", "id")
            .WithColumn("ordinal").AsInt32().NotNullable().PrimaryKey("pk_funding_milestone")
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("due_on").AsString(10).NotNullable()
            .WithColumn("tranche_index").AsInt32().Nullable();

        // Append-only: no slice updates or deletes a row. Amounts are positive except Adjust, which is signed.
        Create.Table("funding_ledger")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("agreement_id").AsGuid().NotNullable().Indexed("ix_funding_ledger_agreement")
                .ForeignKey("fk_funding_ledger_agreement", "funding_agreement", "id")
            .WithColumn("entry_no").AsInt32().NotNullable()
            .WithColumn("batch_id").AsGuid().NotNullable().Indexed("ix_funding_ledger_batch")
            .WithColumn("kind").AsString(20).NotNullable()
            .WithColumn("amount_fen").AsInt64().NotNullable()
            .WithColumn("milestone_index").AsInt32().Nullable()
            .WithColumn("reason").AsString(2000).NotNullable()
            .WithColumn("actor_id").AsGuid().Nullable()
            .WithColumn("actor_name").AsString(200).NotNullable()
            .WithColumn("occurred_at").AsDateTimeOffset().NotNullable();
        Create.Index("ux_funding_ledger_entry").OnTable("funding_ledger")
            .OnColumn("agreement_id").Ascending().OnColumn("entry_no").Ascending().WithOptions().Unique();

        // A claim of actual investment at a milestone; the task force verifies it (amounts it accepts) or sends it back.
        Create.Table("funding_progress_report")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("agreement_id").AsGuid().NotNullable().Indexed("ix_funding_progress_report_agreement")
                .ForeignKey("fk_funding_progress_report_agreement", "funding_agreement", "id")
            .WithColumn("milestone_index").AsInt32().NotNullable()
            .WithColumn("claimed_issuer_fen").AsInt64().NotNullable()
            .WithColumn("claimed_applicant_fen").AsInt64().NotNullable()
            .WithColumn("note").AsString(2000).Nullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("verified_issuer_fen").AsInt64().Nullable()
            .WithColumn("verified_applicant_fen").AsInt64().Nullable()
            .WithColumn("decision_note").AsString(2000).Nullable()
            .WithColumn("submitted_by").AsString(200).NotNullable()
            .WithColumn("submitted_at").AsDateTimeOffset().NotNullable()
            .WithColumn("decided_by").AsString(200).Nullable()
            .WithColumn("decided_at").AsDateTimeOffset().Nullable()
            .WithColumn("version").AsInt32().NotNullable();

        // Acceptance (验收): one decision per agreement, with a result per indicator of the challenge (copied from it).
        Create.Table("funding_acceptance")
            .WithColumn("agreement_id").AsGuid().PrimaryKey()
                .ForeignKey("fk_funding_acceptance_agreement", "funding_agreement", "id")
            .WithColumn("passed").AsBoolean().NotNullable()
            .WithColumn("notes").AsString(4000).NotNullable()
            .WithColumn("decided_by").AsString(200).NotNullable()
            .WithColumn("decided_at").AsDateTimeOffset().NotNullable();

        Create.Table("funding_acceptance_result")
            .WithColumn("agreement_id").AsGuid().NotNullable().PrimaryKey("pk_funding_acceptance_result")
                .ForeignKey("fk_funding_acceptance_result_acceptance", "funding_acceptance", "agreement_id")
            .WithColumn("indicator_id").AsGuid().NotNullable().PrimaryKey("pk_funding_acceptance_result")
            .WithColumn("ordinal").AsInt32().NotNullable()
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("target").AsString(200).NotNullable()
            .WithColumn("unit").AsString(50).Nullable()
            .WithColumn("achieved").AsString(200).NotNullable()
            .WithColumn("passed").AsBoolean().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("funding_acceptance_result");
        Delete.Table("funding_acceptance");
        Delete.Table("funding_progress_report");
        Delete.Table("funding_ledger");
        Delete.Table("funding_milestone");
        Delete.Table("funding_party");
        Delete.Table("funding_agreement");
        Delete.Table("funding_policy");
    }
}
