namespace Jiebang.Review.Features.Experts.UpdateMyConflicts;

internal static class Data
{
    public const string Touch = "UPDATE review_expert SET updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @Version";
}
