namespace Jiebang.Challenges.Features.Batches.UpdateBatch;

internal static class Data
{
    public const string Update = """
        UPDATE challenges_batch
        SET name = @Name, name_en = @NameEn, opens_on = @OpensOn, closes_on = @ClosesOn, opens_at = @OpensAt, closes_at = @ClosesAt,
            note = @Note, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND status = @Draft
        """;
}
