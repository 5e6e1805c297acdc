namespace Jiebang.Challenges.Demo;

internal static class Data
{
    public const string MarkPublished = """
        UPDATE challenges_challenge SET submitted_at = @At, published_at = @At WHERE batch_id = @BatchId AND status = @Published
        """;

    public const string OrganisationByCode = "SELECT id AS Id, name AS Name FROM platform_organisation WHERE credit_code = @Code";

    internal sealed class Org
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
    }
}
