using FastEndpoints;
using FluentValidation;

namespace Jiebang.Review.Features.Experts.LinkExpertUser;

internal sealed class Request
{
    /// <summary>The sign-in name of a user with the Expert role.</summary>
    public string UserName { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.UserName).NotEmpty().MaximumLength(100);
}
