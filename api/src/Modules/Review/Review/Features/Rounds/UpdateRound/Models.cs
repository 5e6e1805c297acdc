using FastEndpoints;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Rounds.UpdateRound;

internal sealed class Request : RoundContent;

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new RoundContentRules());
}
