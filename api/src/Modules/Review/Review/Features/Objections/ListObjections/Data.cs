namespace Jiebang.Review.Features.Objections.ListObjections;

internal static class Data
{
    public const string Columns = """
        o.id AS Id, o.round_id AS RoundId, o.item_id AS ItemId, i.subject_code AS SubjectCode, i.title AS Title, o.organisation_id AS OrganisationId,
        o.reason AS Reason, o.status AS Status, o.resolution AS Resolution, o.filed_at AS FiledAt, o.resolved_at AS ResolvedAt
        """;

    public const string Count = "SELECT COUNT(*) FROM review_objection o";

    public const string Select = $"SELECT {Columns} FROM review_objection o JOIN review_item i ON i.id = o.item_id";

    public const string OrderBy = "ORDER BY o.filed_at, o.id";

    public const string OfRound = "o.round_id = @RoundId";

    public const string OfOrganisation = "o.organisation_id = @Org";

    public const string WithStatus = "o.status = @Status";

    public const string OfItem = "o.item_id = @Item";
}
