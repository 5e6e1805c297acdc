using FastEndpoints;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;

namespace Jiebang.Challenges.Features.Challenges.UpdateChallenge;

/// <summary>The whole content of a draft, replacing what was there.</summary>
internal sealed class Request : ChallengeContent;

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new ChallengeContentRules());
}
