namespace Jiebang.Funding.Features.Agreements.RecordProcurement;

internal static class Data
{
    public const string Insert = """
        INSERT INTO funding_procurement (id, agreement_id, contract_date, amount_fen, product, recorded_by, recorded_at)
        VALUES (@Id, @AgreementId, @ContractDate, @AmountFen, @Product, @RecordedBy, @Now)
        """;
}
