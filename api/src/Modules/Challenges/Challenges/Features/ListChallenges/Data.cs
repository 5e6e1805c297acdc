namespace Jiebang.Challenges.Features.ListChallenges;

internal static class Data
{
    public static readonly Dictionary<string, string> SortColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["code"] = "c.code",
        ["title"] = "c.title",
        ["closesAt"] = "b.closes_at",
        ["publishedAt"] = "c.published_at",
        ["createdAt"] = "c.created_at",
    };

    public const string Columns = """
        c.id AS Id, c.code AS Code, c.title AS Title, c.title_en AS TitleEn, c.field AS Field,
        c.organisation_id AS OrganisationId, c.organisation_name AS IssuerName, c.batch_id AS BatchId, b.code AS BatchCode,
        c.status AS Status, b.opens_on AS OpensOnText, b.closes_on AS ClosesOnText, b.opens_at AS OpensAt, b.closes_at AS ClosesAt,
        c.rd_months AS RdMonths, c.planned_investment_fen AS PlannedInvestmentFen, c.published_at AS PublishedAt,
        c.is_demo AS IsDemo, c.version AS Version
        """;

    public const string From = "FROM challenges_challenge c JOIN challenges_batch b ON b.id = c.batch_id";

    internal sealed class Row
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
        public string? TitleEn { get; init; }
        public Contracts.ChallengeField Field { get; init; }
        public Guid OrganisationId { get; init; }
        public string IssuerName { get; init; } = "";
        public Guid BatchId { get; init; }
        public string BatchCode { get; init; } = "";
        public Contracts.ChallengeStatus Status { get; init; }
        public string OpensOnText { get; init; } = "";
        public string ClosesOnText { get; init; } = "";
        public DateTimeOffset OpensAt { get; init; }
        public DateTimeOffset ClosesAt { get; init; }
        public int RdMonths { get; init; }
        public long PlannedInvestmentFen { get; init; }
        public DateTimeOffset? PublishedAt { get; init; }
        public bool IsDemo { get; init; }
        public int Version { get; init; }
    }
}
