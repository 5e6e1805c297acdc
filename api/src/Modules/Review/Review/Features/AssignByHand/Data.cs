namespace Jiebang.Review.Features.AssignByHand;

internal static class Data
{
    public const string EverOnItem = "SELECT COUNT(*) FROM review_assignment WHERE item_id = @ItemId AND expert_id = @ExpertId";

    public const string Load = "SELECT COUNT(*) FROM review_assignment WHERE round_id = @RoundId AND expert_id = @ExpertId AND status = 'Active'";
}
