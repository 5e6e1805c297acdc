namespace Jiebang.Challenges.Features.CreateBatch;

internal static class Data
{
    public const string ProgrammeExists = "SELECT COUNT(*) FROM challenges_programme WHERE id = @ProgrammeId";

    public const string CodeTaken = "SELECT COUNT(*) FROM challenges_batch WHERE code = @Code";

    public const string Insert = """
        INSERT INTO challenges_batch (id, programme_id, code, name, name_en, opens_on, closes_on, opens_at, closes_at, status,
            published_at, challenge_seq, is_demo, note, created_at, updated_at, version)
        VALUES (@Id, @ProgrammeId, @Code, @Name, @NameEn, @OpensOn, @ClosesOn, @OpensAt, @ClosesAt, @Status,
            @PublishedAt, 0, @IsDemo, @Note, @Now, @Now, 1)
        """;
}
