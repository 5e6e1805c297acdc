using FluentValidation;

namespace Jiebang.Applications.Domain;

/// <summary>Shape checks on what an applicant writes; completeness and eligibility are checked when submitting.</summary>
internal sealed class ContentRules : AbstractValidator<ApplicationContent>
{
    public ContentRules()
    {
        RuleFor(x => x.Members).Must(m => m.Count <= 20).WithMessage("联合体最多20家单位 / At most 20 organisations");
        RuleForEach(x => x.Members).ChildRules(m =>
        {
            m.RuleFor(x => x.OrganisationId).NotEmpty();
            m.RuleFor(x => x.Role).IsInEnum();
            m.RuleFor(x => x.BudgetShareBp).InclusiveBetween(0, 10_000);
            m.RuleFor(x => x.Responsibility).MaximumLength(1000);
        });
        RuleFor(x => x.TechnicalApproach).MaximumLength(50_000);
        RuleFor(x => x.Team).Must(t => t.Count <= 200).WithMessage("团队成员最多200人 / At most 200 team members");
        RuleForEach(x => x.Team).ChildRules(t =>
        {
            t.RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
            t.RuleFor(x => x.Title).MaximumLength(100);
            t.RuleFor(x => x.Role).MaximumLength(100);
        });
        RuleForEach(x => x.IndicatorResponses).ChildRules(r =>
        {
            r.RuleFor(x => x.IndicatorId).NotEmpty();
            r.RuleFor(x => x.CommittedValue).NotEmpty().MaximumLength(200);
            r.RuleFor(x => x.Note).MaximumLength(2000);
        });
        RuleFor(x => x.OwnInvestmentFen).InclusiveBetween(0, 10_000_000_000_00L);
        RuleFor(x => x.Milestones).Must(m => m.Count <= 50).WithMessage("里程碑最多50个 / At most 50 milestones");
        RuleForEach(x => x.Milestones).ChildRules(m =>
        {
            m.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            m.RuleFor(x => x.DueMonth).InclusiveBetween(1, 120);
            m.RuleFor(x => x.Deliverable).MaximumLength(1000);
        });
        RuleFor(x => x.Declarations).NotNull();
    }

    /// <summary>What a complete 申报书 has; checked at submission, keyed by field like validation errors.</summary>
    public static Dictionary<string, string[]> Missing(ApplicationContent content, IEnumerable<Guid> indicatorIds)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(content.TechnicalApproach))
        {
            errors["technicalApproach"] = ["须填写技术方案 / The technical approach is required"];
        }
        if (content.Team.Count == 0)
        {
            errors["team"] = ["须填写团队成员 / The team is required"];
        }
        if (content.Milestones.Count == 0)
        {
            errors["milestones"] = ["须填写里程碑计划 / The milestone plan is required"];
        }
        var answered = content.IndicatorResponses.Select(r => r.IndicatorId).ToHashSet();
        var missing = indicatorIds.Where(id => !answered.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            errors["indicatorResponses"] =
                [$"须响应每一项技术指标（缺{missing.Count}项） / Every technical indicator needs a response ({missing.Count} missing)"];
        }
        return errors;
    }
}
