namespace Jiebang.Challenges.Features.CreateProgramme;

internal static class Data
{
    public const string CodeTaken = "SELECT COUNT(*) FROM challenges_programme WHERE code = @Code";

    public const string Insert = """
        INSERT INTO challenges_programme (id, code, name, name_en, operator_name, description, target_consortia, target_year,
            is_demo, created_at, updated_at, version)
        VALUES (@Id, @Code, @Name, @NameEn, @OperatorName, @Description, @TargetConsortia, @TargetYear, @IsDemo, @Now, @Now, 1)
        """;
}
