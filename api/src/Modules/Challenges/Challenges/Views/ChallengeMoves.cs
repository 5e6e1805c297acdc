using Jiebang.Platform.Http;
using Microsoft.AspNetCore.Builder;

namespace Jiebang.Challenges.Views;

internal static class ChallengeMoves
{
    /// <summary>What every move of one challenge answers: the challenge as it now is, or why it did not move.</summary>
    public static RouteHandlerBuilder MoveAnswers<TRequest>(this RouteHandlerBuilder builder) where TRequest : notnull =>
        builder.Body<TRequest>().IfMatch(required: false).Ok<ChallengeDetail>().ETag().Problems(400, 401, 403, 404, 409, 412)
            .Codes(409, "challenge.invalid_transition");
}
