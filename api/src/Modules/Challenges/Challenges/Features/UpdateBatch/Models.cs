using FastEndpoints;
using Jiebang.Challenges.Features.CreateBatch;

namespace Jiebang.Challenges.Features.UpdateBatch;

internal sealed class Request : BatchContent;

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new BatchContentRules());
}
