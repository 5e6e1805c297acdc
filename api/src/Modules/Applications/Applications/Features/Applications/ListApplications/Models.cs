using Jiebang.Platform.Paging;
using FastEndpoints;
using FluentValidation;
using Jiebang.Applications.Contracts;

namespace Jiebang.Applications.Features.Applications.ListApplications;

/// <summary>Filters for the application list; every caller sees only what it may see.</summary>
internal sealed class Request : PageRequest
{
    public Guid? Batch { get; set; }
    public Guid? Challenge { get; set; }
    public ApplicationStatus? Status { get; set; }
    public EligibilityOutcome? Eligibility { get; set; }
    /// <summary>行政区划 prefix of the lead organisation's region, e.g. 1101 or 110108.</summary>
    public string? Region { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        this.AddPageRules();
        RuleFor(x => x.Region).Matches("^[0-9]{2,6}$").When(x => x.Region is not null)
            .WithMessage("地区须为2至6位行政区划代码前缀 / Region must be a 2- to 6-digit code prefix");
    }
}

/// <summary>One line of an application list.</summary>
internal sealed class ApplicationListItem
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public Guid ChallengeId { get; init; }
    public string ChallengeCode { get; init; } = "";
    public string ChallengeTitle { get; init; } = "";
    public Guid BatchId { get; init; }
    public Guid LeadOrganisationId { get; init; }
    public string LeadOrganisationName { get; init; } = "";
    public string LeadRegionCode { get; init; } = "";
    public ApplicationStatus Status { get; init; }
    public EligibilityOutcome? Eligibility { get; init; }
    public int Members { get; init; }
    public long OwnInvestmentFen { get; init; }
    public int SubmittedVersion { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public bool IsDemo { get; init; }
    public int Version { get; init; }
}
