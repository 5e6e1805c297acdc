using FastEndpoints;
using FluentValidation;

namespace Jiebang.Funding.Features.Agreements.SignAgreement;

/// <summary>The signed R&amp;D agreement (合作研发协议) for a selected application.</summary>
internal sealed class Request
{
    /// <summary>The selected application the agreement is for; the parties are its issuer, lead and members.</summary>
    public Guid ApplicationId { get; set; }
    /// <summary>The issuer's own committed R&amp;D investment, in fen (谁出题谁出资).</summary>
    public long IssuerInvestmentFen { get; set; }
    /// <summary>The applicants' committed R&amp;D investment, in fen.</summary>
    public long ApplicantInvestmentFen { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>Milestones in order; each carries the index of the policy tranche it releases, or none.</summary>
    public List<MilestoneInput> Milestones { get; set; } = [];
}

internal sealed class MilestoneInput
{
    public string Name { get; set; } = "";
    public DateOnly DueOn { get; set; }
    /// <summary>Index into the batch's tranche plan of the tranche this milestone releases; null when it releases none.</summary>
    public int? TrancheIndex { get; set; }
    /// <summary>What is delivered at this milestone (e.g. a prototype, a test report).</summary>
    public List<string> Deliverables { get; set; } = [];
    /// <summary>Targets agreed for the challenge's indicators at this milestone; the last one named for an indicator is what acceptance checks.</summary>
    public List<IndicatorTargetInput> IndicatorTargets { get; set; } = [];
}

internal sealed class IndicatorTargetInput
{
    /// <summary>An indicator of the challenge.</summary>
    public Guid IndicatorId { get; set; }
    /// <summary>The value to reach, in the indicator's unit.</summary>
    public string Target { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty().WithMessage("须指定申报书 / The application is required");
        RuleFor(x => x.IssuerInvestmentFen).GreaterThan(0)
            .WithMessage("发榜企业须承诺自有研发投入 / The issuer must commit its own R&D investment");
        RuleFor(x => x.ApplicantInvestmentFen).GreaterThanOrEqualTo(0)
            .WithMessage("揭榜方投入不能为负 / The applicants' investment cannot be negative");
        RuleFor(x => x.StartsOn).NotEqual(default(DateOnly)).WithMessage("需要开始日期 / The start date is required");
        RuleFor(x => x.EndsOn).GreaterThan(x => x.StartsOn).WithMessage("结束日期须晚于开始日期 / The end date must be after the start date");
        RuleFor(x => x.Milestones).NotEmpty().WithMessage("至少需要一个里程碑 / At least one milestone is required")
            .Must(m => m.Count <= 50).WithMessage("里程碑不能超过 50 个 / At most 50 milestones");
        RuleForEach(x => x.Milestones).ChildRules(m =>
        {
            m.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            m.RuleFor(x => x.TrancheIndex).GreaterThanOrEqualTo(0);
            m.RuleFor(x => x.Deliverables).Must(d => d.Count <= 20).WithMessage("每个里程碑至多 20 项交付物 / At most 20 deliverables per milestone");
            m.RuleForEach(x => x.Deliverables).NotEmpty().MaximumLength(500)
                .WithMessage("交付物须为 1–500 字 / A deliverable is 1–500 characters");
            m.RuleFor(x => x.IndicatorTargets).Must(t => t.Select(x => x.IndicatorId).Distinct().Count() == t.Count)
                .WithMessage("同一指标在一个里程碑只能有一个目标 / One target per indicator at a milestone");
            m.RuleForEach(x => x.IndicatorTargets).ChildRules(t =>
            {
                t.RuleFor(x => x.IndicatorId).NotEmpty();
                t.RuleFor(x => x.Target).NotEmpty().MaximumLength(200).WithMessage("指标目标须为 1–200 字 / A target is 1–200 characters");
            });
        });
        RuleFor(x => x).Custom((req, context) =>
        {
            for (var i = 0; i < req.Milestones.Count; i++)
            {
                var due = req.Milestones[i].DueOn;
                if (due < req.StartsOn || due > req.EndsOn)
                {
                    context.AddFailure($"milestones[{i}].dueOn", "里程碑日期须在协议期内 / A milestone is due within the agreement period");
                }
                else if (i > 0 && due < req.Milestones[i - 1].DueOn)
                {
                    context.AddFailure($"milestones[{i}].dueOn", "里程碑须按日期先后排列 / Milestones are listed in date order");
                }
            }
        });
    }
}
