using FastEndpoints;
using FluentValidation;
using Jiebang.Applications.Domain;

namespace Jiebang.Applications.Features.Applications.CreateApplication;

/// <summary>A new draft application to a published challenge.</summary>
internal sealed class Request : ApplicationContent
{
    public Guid ChallengeId { get; set; }
    /// <summary>The lead organisation: an applicant user's own (may be omitted); required for a district portal acting for a unit.</summary>
    public Guid? LeadOrganisationId { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new ContentRules());
        RuleFor(x => x.ChallengeId).NotEmpty();
    }
}
