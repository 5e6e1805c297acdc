using FluentMigrator;

namespace Jiebang.Migrations.Funding;

[Migration(2026_11_28_41, "Funding: procurement records and the procurement waiver on agreements")]
public sealed class AddProcurement : Migration
{
    public override void Up()
    {
        Alter.Table("funding_agreement").AddColumn("procurement_waiver").AsString(2000).Nullable();

        // 谁牵头谁采购: what the issuer bought; a project closes only with procurement recorded or waived.
        Create.Table("funding_procurement")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("agreement_id").AsGuid().NotNullable().Indexed("ix_funding_procurement_agreement")
                .ForeignKey("fk_funding_procurement_agreement", "funding_agreement", "id")
            .WithColumn("contract_date").AsString(10).NotNullable()
            .WithColumn("amount_fen").AsInt64().NotNullable()
            .WithColumn("product").AsString(300).NotNullable()
            .WithColumn("recorded_by").AsString(200).NotNullable()
            .WithColumn("recorded_at").AsDateTimeOffset().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("funding_procurement");
        Delete.Column("procurement_waiver").FromTable("funding_agreement");
    }
}
