using FastEndpoints;
using FluentValidation;

using Jiebang.Platform.Http;

namespace Jiebang.Funding.Features.Agreements.RecordAcceptance;

/// <summary>The acceptance committee's decision (验收): a result for every indicator of the challenge, and pass or fail.</summary>
internal sealed class Request
{
    public bool Passed { get; set; }
    /// <summary>The committee's notes.</summary>
    public string Notes { get; set; } = "";
    public List<IndicatorResult> Results { get; set; } = [];
}

internal sealed class IndicatorResult
{
    public Guid IndicatorId { get; set; }
    /// <summary>What was achieved, in the indicator's unit (e.g. "0.3").</summary>
    public string Achieved { get; set; } = "";
    /// <summary>Whether the target was met.</summary>
    public bool Passed { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Notes).NotEmpty().MaximumLength(4000).WithMessage("须填写验收意见 / The committee's notes are required");
        RuleForEach(x => x.Results).ChildRules(r =>
        {
            r.RuleFor(x => x.IndicatorId).NotEmpty();
            r.RuleFor(x => x.Achieved).NotEmpty().MaximumLength(200);
        });
        RuleFor(x => x).Must(x => !x.Passed || x.Results.All(r => r.Passed)).OverridePropertyName("passed")
            .WithMessage("有指标未达标，不能判定验收通过 / Acceptance cannot pass while an indicator misses its target");
    }
}

/// <summary>A recorded acceptance with its indicator results.</summary>
internal sealed record Acceptance(Guid AgreementId, bool Passed, string Notes, IReadOnlyList<AcceptanceResult> Results, string DecidedBy,
    DateTimeOffset DecidedAt, [property: StringEnum(typeof(Domain.AgreementStatus))] string AgreementStatus);

internal sealed record AcceptanceResult(Guid IndicatorId, int Ordinal, string Name, string Target, string? Unit, string Achieved, bool Passed);
