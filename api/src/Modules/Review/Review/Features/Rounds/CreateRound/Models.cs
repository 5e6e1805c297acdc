using FastEndpoints;
using FluentValidation;
using Jiebang.Review.Contracts;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Rounds.CreateRound;

internal sealed class Request : RoundContent
{
    public ReviewRoundKind Kind { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        Include(new RoundContentRules());
    }
}
