namespace Jiebang.Review.Features.Experts.LinkExpertUser;

internal static class Data
{
    public const string SetUser = "UPDATE review_expert SET user_id = @UserId, updated_at = @Now, version = version + 1 WHERE id = @Id";

    public const string LinkedElsewhere = "SELECT COUNT(*) FROM review_expert WHERE user_id = @UserId AND id <> @Id";
}
