using FastEndpoints;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;

namespace Jiebang.Challenges.Features.Batches.UpdateBatch;

internal sealed class Request : BatchContent;

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new BatchContentRules());
}
