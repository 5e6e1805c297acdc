using FluentValidation;
using Jiebang.Challenges.Views;

namespace Jiebang.Challenges.Domain;

internal sealed class ChallengeContentRules : AbstractValidator<ChallengeContent>
{
    public ChallengeContentRules()
    {
        RuleFor(x => x.Field).IsInEnum();
        RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        RuleFor(x => x.TitleEn).MaximumLength(300);
        RuleFor(x => x.Background).NotEmpty().MaximumLength(20_000);
        RuleFor(x => x.Indicators).NotEmpty().WithMessage("至少需要一项技术指标 / At least one technical indicator is required")
            .Must(i => i.Count <= 50).WithMessage("技术指标最多50项 / At most 50 indicators");
        RuleForEach(x => x.Indicators).ChildRules(i =>
        {
            i.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            i.RuleFor(x => x.Target).NotEmpty().MaximumLength(200);
            i.RuleFor(x => x.Unit).MaximumLength(50);
            i.RuleFor(x => x.Verification).MaximumLength(1000);
        });
        RuleFor(x => x.Deliverables).Must(d => d.Count <= 50).WithMessage("交付物最多50项 / At most 50 deliverables");
        RuleForEach(x => x.Deliverables).NotEmpty().MaximumLength(500);
        RuleFor(x => x.RdMonths).InclusiveBetween(1, 120);
        RuleFor(x => x.PlannedInvestmentFen).GreaterThanOrEqualTo(0).LessThanOrEqualTo(10_000_000_000_00L);
        RuleFor(x => x.Procurement).NotNull();
        RuleFor(x => x.Procurement.AmountFen).GreaterThanOrEqualTo(0).LessThanOrEqualTo(10_000_000_000_00L)
            .When(x => x.Procurement is not null);
        RuleFor(x => x.Procurement.Quantity).MaximumLength(200).When(x => x.Procurement is not null);
        RuleFor(x => x.Procurement.Terms).MaximumLength(5000).When(x => x.Procurement is not null);
        RuleFor(x => x.Procurement).Must(p => p.AmountFen is not null || !string.IsNullOrWhiteSpace(p.Quantity))
            .When(x => x.Procurement is not null)
            .WithMessage("采购承诺需填写金额或数量 / The procurement commitment needs an amount or a quantity");
        RuleFor(x => x.Contact).NotNull();
        RuleFor(x => x.Contact.Name).NotEmpty().MaximumLength(100).When(x => x.Contact is not null);
        RuleFor(x => x.Contact.Phone).NotEmpty().MaximumLength(50).When(x => x.Contact is not null);
        RuleFor(x => x.Contact.Email).MaximumLength(200).EmailAddress().When(x => x.Contact is not null && !string.IsNullOrEmpty(x.Contact.Email));
    }
}
