namespace Jiebang.Challenges.Features.CreateChallenge;

internal static class Data
{
    // Taking the next number and reading it in one transaction: the UPDATE locks the batch row on every provider.
    public const string NextNumber = """
        UPDATE challenges_batch SET challenge_seq = challenge_seq + 1 WHERE id = @BatchId AND status = @Draft
        """;

    public const string ReadNumber = "SELECT code AS Code, challenge_seq AS Seq FROM challenges_batch WHERE id = @BatchId";

    public const string BatchStatus = "SELECT status FROM challenges_batch WHERE id = @BatchId";

    public const string Insert = """
        INSERT INTO challenges_challenge (id, code, batch_id, organisation_id, organisation_name, field, title, title_en, background,
            deliverables, rd_months, planned_investment_fen, procurement_amount_fen, procurement_quantity, procurement_terms,
            contact_name, contact_phone, contact_email, status, status_reason, source_note, is_demo, created_by,
            created_at, updated_at, submitted_at, published_at, version)
        VALUES (@Id, @Code, @BatchId, @OrganisationId, @OrganisationName, @Field, @Title, @TitleEn, @Background,
            @Deliverables, @RdMonths, @PlannedInvestmentFen, @ProcurementAmountFen, @ProcurementQuantity, @ProcurementTerms,
            @ContactName, @ContactPhone, @ContactEmail, @Status, NULL, @SourceNote, @IsDemo, @CreatedBy,
            @Now, @Now, NULL, NULL, 1)
        """;

    internal sealed class Number
    {
        public string Code { get; init; } = "";
        public int Seq { get; init; }
    }
}
