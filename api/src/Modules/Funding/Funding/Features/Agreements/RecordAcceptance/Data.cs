namespace Jiebang.Funding.Features.Agreements.RecordAcceptance;

internal static class Data
{
    public const string InsertAcceptance = """
        INSERT INTO funding_acceptance (agreement_id, passed, notes, decided_by, decided_at)
        VALUES (@AgreementId, @Passed, @Notes, @DecidedBy, @Now)
        """;

    public const string InsertResult = """
        INSERT INTO funding_acceptance_result (agreement_id, indicator_id, ordinal, name, target, unit, achieved, passed)
        VALUES (@AgreementId, @IndicatorId, @Ordinal, @Name, @Target, @Unit, @Achieved, @Passed)
        """;
}
