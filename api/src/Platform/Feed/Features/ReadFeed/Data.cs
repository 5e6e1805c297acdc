namespace Jiebang.Platform.Feed.Features.ReadFeed;

internal static class Data
{
    /// <summary>What a district key sees: public events and those whose audience is an organisation registered in its district.</summary>
    public const string VisibleToDistrict = """
        AND (e.is_public = @True OR EXISTS (
            SELECT 1 FROM platform_feed_reader r JOIN platform_organisation o ON o.id = r.organisation_id
            WHERE r.position = e.position AND r.role = @Role AND o.region_code LIKE @Region))
        """;

    /// <summary>What a person sees: public events and those addressed to its own organisation in its own role.</summary>
    public const string VisibleToOrganisation = """
        AND (e.is_public = @True OR EXISTS (
            SELECT 1 FROM platform_feed_reader r WHERE r.position = e.position AND r.organisation_id = @Organisation AND r.role = @Role))
        """;

    public const string PublicOnly = "AND e.is_public = @True";

    public static string Page(string visible, string page) => $"""
        SELECT e.position AS Position, e.type AS Type, e.resource_type AS ResourceType, e.resource_id AS ResourceId,
               e.occurred_at AS OccurredAt, e.payload AS Payload
        FROM platform_feed_event e
        WHERE e.position > @After {visible}
        ORDER BY e.position {page}
        """;
}
