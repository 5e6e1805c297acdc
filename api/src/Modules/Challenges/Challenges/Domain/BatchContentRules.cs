using FluentValidation;
using Jiebang.Challenges.Views;

namespace Jiebang.Challenges.Domain;

internal sealed class BatchContentRules : AbstractValidator<BatchContent>
{
    // A window is turned into instants (the next day's midnight in Asia/Shanghai); far-off days would overflow that.
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);

    public BatchContentRules()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.NameEn).MaximumLength(300);
        RuleFor(x => x.Note).MaximumLength(1000);
        RuleFor(x => x.OpensOn).NotEqual(default(DateOnly)).WithMessage("需要开始日期 / The opening day is required")
            .InclusiveBetween(Earliest, Latest).WithMessage("开始日期须在 2000 至 2099 年之间 / The opening day must fall between 2000 and 2099");
        RuleFor(x => x.ClosesOn).NotEqual(default(DateOnly)).WithMessage("需要截止日期 / The closing day is required")
            .InclusiveBetween(Earliest, Latest).WithMessage("截止日期须在 2000 至 2099 年之间 / The closing day must fall between 2000 and 2099")
            .GreaterThanOrEqualTo(x => x.OpensOn).WithMessage("截止日期不能早于开始日期 / The closing day cannot be before the opening day");
    }
}
