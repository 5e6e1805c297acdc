using FastEndpoints;
using FluentValidation;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;

namespace Jiebang.Challenges.Features.Challenges.CreateChallenge;

/// <summary>A new draft technical need of the caller's own organisation, proposed into a batch still collecting needs.</summary>
internal sealed class Request : ChallengeContent
{
    public Guid BatchId { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new ChallengeContentRules());
        RuleFor(x => x.BatchId).NotEmpty();
    }
}
