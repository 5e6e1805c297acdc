using FastEndpoints;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Experts.CreateExpert;

internal sealed class Request : ExpertContent;

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new ExpertContentRules());
}
