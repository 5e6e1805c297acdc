namespace Jiebang.Challenges.Features.Challenges.CreateChallenge;

internal static class Data
{
    public const string BatchStatus = "SELECT status FROM challenges_batch WHERE id = @BatchId";
}
