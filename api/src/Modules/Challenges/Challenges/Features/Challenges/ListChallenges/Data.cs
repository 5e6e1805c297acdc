using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Domain;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;

namespace Jiebang.Challenges.Features.Challenges.ListChallenges;

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

    /// <summary>What the caller may see (published challenges; an issuer also its own; the task force and auditors all) and asks for.</summary>
    public static Conditions Where(Request req, Caller caller, SqlDialect d)
    {
        var where = new Conditions();
        if (caller.IsIssuer && caller.OrganisationId is not null)
        {
            where.And($"c.status IN {ChallengeLifecycle.PublicStatusesSql} OR c.organisation_id = @OwnOrganisation");
        }
        else if (!caller.ReadsEverything)
        {
            where.And($"c.status IN {ChallengeLifecycle.PublicStatusesSql}");
        }
        where.AndIf(req.Batch is not null, "c.batch_id = @Batch")
            .AndIf(req.Field is not null, "c.field = @Field")
            .AndIf(req.Status is not null, "c.status = @Status")
            .AndIf(req.Organisation is not null, "c.organisation_id = @Organisation")
            .AndIf(req.Phase == ApplicationPhase.NotYetOpen, "b.opens_at > @Now")
            .AndIf(req.Phase == ApplicationPhase.Open, "b.opens_at <= @Now AND b.closes_at > @Now")
            .AndIf(req.Phase == ApplicationPhase.Closed, "b.closes_at <= @Now");
        if (!string.IsNullOrWhiteSpace(req.Q))
        {
            where.And($"{d.ContainsIgnoreCase("c.title", "@Q")} OR {d.ContainsIgnoreCase("c.code", "@Q")} OR {d.ContainsIgnoreCase("c.background", "@Q")}");
        }
        return where;
    }

    public static string Count(Conditions where) => $"SELECT COUNT(*) {From} {where.Sql}";

    /// <summary>One page in the order asked for (code by default), the id breaking ties.</summary>
    public static string Page(Conditions where, string? sort, SqlDialect d)
    {
        var sortKey = sort?.TrimStart('-') ?? "code";
        var direction = sort?.StartsWith('-') == true ? "DESC" : "ASC";
        return $"SELECT {Columns} {From} {where.Sql} ORDER BY {SortColumns[sortKey]} {direction}, c.id {direction} {d.Page}";
    }

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
