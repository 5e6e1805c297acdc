namespace Jiebang.Challenges.Features.Challenges.UpdateChallenge;

internal static class Data
{
    public const string Update = """
        UPDATE challenges_challenge
        SET field = @Field, title = @Title, title_en = @TitleEn, background = @Background, deliverables = @Deliverables,
            rd_months = @RdMonths, planned_investment_fen = @PlannedInvestmentFen, procurement_amount_fen = @ProcurementAmountFen,
            procurement_quantity = @ProcurementQuantity, procurement_terms = @ProcurementTerms, contact_name = @ContactName,
            contact_phone = @ContactPhone, contact_email = @ContactEmail, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND status = @Draft
        """;
}
