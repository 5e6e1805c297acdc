namespace Jiebang.Review.Features.Objections.FileObjection;

internal static class Data
{
    public const string Insert = """
        INSERT INTO review_objection (id, round_id, item_id, organisation_id, reason, status, resolution, filed_at, resolved_at)
        VALUES (@Id, @RoundId, @ItemId, @OrganisationId, @Reason, 'Open', NULL, @Now, NULL)
        """;

    public const string CountOpen = """
        SELECT COUNT(*) FROM review_objection
        WHERE round_id = @RoundId AND item_id = @ItemId AND organisation_id = @OrganisationId AND status = 'Open'
        """;
}
