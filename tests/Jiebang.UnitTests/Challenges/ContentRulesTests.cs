using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;

namespace Jiebang.UnitTests.Challenges;

/// <summary>
/// The shape rules of a challenge and of a batch, one at a time: a sound document passes, and each rule broken alone (one
/// character or one item past its limit, or exactly on it) is reported on its own field with a message in both languages.
/// </summary>
public sealed class ContentRulesTests
{
    private sealed class Content : ChallengeContent;

    private static string S(int length) => new('字', length);

    private static Content Sound() => new()
    {
        Field = ChallengeField.NewMaterials,
        Title = "高纯石英砂提纯技术",
        TitleEn = "High-purity quartz sand",
        Background = "依赖进口",
        Indicators = [new IndicatorInput { Name = "纯度", Target = "≥99.998", Unit = "%", Verification = "第三方检测" }],
        Deliverables = ["样品"],
        RdMonths = 24,
        PlannedInvestmentFen = 1_000_000,
        Procurement = new ProcurementCommitment { AmountFen = 100, Quantity = null, Terms = "验收后" },
        Contact = new ContactInfo { Name = "王工", Phone = "0571-1234567", Email = "wang@example.com" },
    };

    private static List<string> Errors(ChallengeContent content)
    {
        var result = new ChallengeContentRules().Validate(content);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.ErrorMessage), e.PropertyName));
        return result.Errors.Select(e => e.PropertyName).Distinct().ToList();
    }

    public static TheoryData<string, string?> ChallengeBreaks => new()
    {
        { "field", "Field" },
        { "title empty", "Title" },
        { "title 301", "Title" },
        { "title 300", null },
        { "titleEn 301", "TitleEn" },
        { "titleEn 300", null },
        { "background empty", "Background" },
        { "background 20001", "Background" },
        { "background 20000", null },
        { "no indicators", "Indicators" },
        { "51 indicators", "Indicators" },
        { "50 indicators", null },
        { "indicator name empty", "Indicators[0].Name" },
        { "indicator name 201", "Indicators[0].Name" },
        { "indicator name 200", null },
        { "indicator target empty", "Indicators[0].Target" },
        { "indicator target 201", "Indicators[0].Target" },
        { "indicator unit 51", "Indicators[0].Unit" },
        { "indicator unit 50", null },
        { "indicator verification 1001", "Indicators[0].Verification" },
        { "indicator verification 1000", null },
        { "51 deliverables", "Deliverables" },
        { "50 deliverables", null },
        { "deliverable empty", "Deliverables[0]" },
        { "deliverable 501", "Deliverables[0]" },
        { "deliverable 500", null },
        { "rd 0", "RdMonths" },
        { "rd 1", null },
        { "rd 120", null },
        { "rd 121", "RdMonths" },
        { "investment -1", "PlannedInvestmentFen" },
        { "investment 0", null },
        { "investment max", null },
        { "investment max+1", "PlannedInvestmentFen" },
        { "procurement null", "Procurement" },
        { "procurement amount -1", "Procurement.AmountFen" },
        { "procurement amount 0", null },
        { "procurement amount max", null },
        { "procurement amount max+1", "Procurement.AmountFen" },
        { "procurement quantity only", null },
        { "procurement quantity 201", "Procurement.Quantity" },
        { "procurement terms 5001", "Procurement.Terms" },
        { "procurement terms 5000", null },
        { "procurement nothing", "Procurement" },
        { "procurement blank quantity", "Procurement" },
        { "contact null", "Contact" },
        { "contact name empty", "Contact.Name" },
        { "contact name 101", "Contact.Name" },
        { "contact name 100", null },
        { "contact phone empty", "Contact.Phone" },
        { "contact phone 51", "Contact.Phone" },
        { "contact phone 50", null },
        { "contact email bad", "Contact.Email" },
        { "contact email 201", "Contact.Email" },
        { "contact email empty", null },
        { "contact email null", null },
    };

    [Theory]
    [MemberData(nameof(ChallengeBreaks))]
    public void Each_challenge_rule_on_its_own(string change, string? field)
    {
        var c = Sound();
        const long max = 10_000_000_000_00L;
        switch (change)
        {
            case "field": c.Field = (ChallengeField)999; break;
            case "title empty": c.Title = ""; break;
            case "title 301": c.Title = S(301); break;
            case "title 300": c.Title = S(300); break;
            case "titleEn 301": c.TitleEn = S(301); break;
            case "titleEn 300": c.TitleEn = S(300); break;
            case "background empty": c.Background = " "; break;
            case "background 20001": c.Background = S(20_001); break;
            case "background 20000": c.Background = S(20_000); break;
            case "no indicators": c.Indicators = []; break;
            case "51 indicators": c.Indicators = Enumerable.Range(0, 51).Select(_ => new IndicatorInput { Name = "n", Target = "t" }).ToList(); break;
            case "50 indicators": c.Indicators = Enumerable.Range(0, 50).Select(_ => new IndicatorInput { Name = "n", Target = "t" }).ToList(); break;
            case "indicator name empty": c.Indicators[0].Name = ""; break;
            case "indicator name 201": c.Indicators[0].Name = S(201); break;
            case "indicator name 200": c.Indicators[0].Name = S(200); c.Indicators[0].Target = S(200); break;
            case "indicator target empty": c.Indicators[0].Target = ""; break;
            case "indicator target 201": c.Indicators[0].Target = S(201); break;
            case "indicator unit 51": c.Indicators[0].Unit = S(51); break;
            case "indicator unit 50": c.Indicators[0].Unit = S(50); break;
            case "indicator verification 1001": c.Indicators[0].Verification = S(1001); break;
            case "indicator verification 1000": c.Indicators[0].Verification = S(1000); break;
            case "51 deliverables": c.Deliverables = Enumerable.Repeat("d", 51).ToList(); break;
            case "50 deliverables": c.Deliverables = Enumerable.Repeat("d", 50).ToList(); break;
            case "deliverable empty": c.Deliverables = [""]; break;
            case "deliverable 501": c.Deliverables = [S(501)]; break;
            case "deliverable 500": c.Deliverables = [S(500)]; break;
            case "rd 0": c.RdMonths = 0; break;
            case "rd 1": c.RdMonths = 1; break;
            case "rd 120": c.RdMonths = 120; break;
            case "rd 121": c.RdMonths = 121; break;
            case "investment -1": c.PlannedInvestmentFen = -1; break;
            case "investment 0": c.PlannedInvestmentFen = 0; break;
            case "investment max": c.PlannedInvestmentFen = max; break;
            case "investment max+1": c.PlannedInvestmentFen = max + 1; break;
            case "procurement null": c.Procurement = null!; break;
            case "procurement amount -1": c.Procurement.AmountFen = -1; break;
            case "procurement amount 0": c.Procurement.AmountFen = 0; break;
            case "procurement amount max": c.Procurement.AmountFen = max; break;
            case "procurement amount max+1": c.Procurement.AmountFen = max + 1; break;
            case "procurement quantity only": c.Procurement = new ProcurementCommitment { Quantity = "200台/年" }; break;
            case "procurement quantity 201": c.Procurement.Quantity = S(201); break;
            case "procurement terms 5001": c.Procurement.Terms = S(5001); break;
            case "procurement terms 5000": c.Procurement.Terms = S(5000); break;
            case "procurement nothing": c.Procurement = new ProcurementCommitment(); break;
            case "procurement blank quantity": c.Procurement = new ProcurementCommitment { Quantity = " " }; break;
            case "contact null": c.Contact = null!; break;
            case "contact name empty": c.Contact.Name = ""; break;
            case "contact name 101": c.Contact.Name = S(101); break;
            case "contact name 100": c.Contact.Name = S(100); break;
            case "contact phone empty": c.Contact.Phone = ""; break;
            case "contact phone 51": c.Contact.Phone = S(51); break;
            case "contact phone 50": c.Contact.Phone = S(50); break;
            case "contact email bad": c.Contact.Email = "not-an-address"; break;
            case "contact email 201": c.Contact.Email = new string('a', 189) + "@example.com"; break;
            case "contact email empty": c.Contact.Email = ""; break;
            case "contact email null": c.Contact.Email = null; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
        Assert.Equal(field is null ? [] : [field], Errors(c));
    }

    [Fact]
    public void A_sound_challenge_passes() => Assert.Empty(Errors(Sound()));

    private static BatchContent Batch(string opens = "2026-03-01", string closes = "2026-03-31") => new()
    {
        Name = "2026年第一批", NameEn = "2026 first call", Note = "说明",
        OpensOn = DateOnly.Parse(opens, System.Globalization.CultureInfo.InvariantCulture),
        ClosesOn = DateOnly.Parse(closes, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static List<string> BatchErrors(BatchContent content)
    {
        var result = new BatchContentRules().Validate(content);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.ErrorMessage), e.PropertyName));
        return result.Errors.Select(e => e.PropertyName).Distinct().ToList();
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-31", null)]
    [InlineData("2026-03-01", "2026-03-01", null)]   // a one-day window
    [InlineData("2026-03-02", "2026-03-01", "ClosesOn")]
    [InlineData("2000-01-01", "2099-12-31", null)]   // both ends of the calendar the instants can hold
    [InlineData("1999-12-31", "2026-03-01", "OpensOn")]
    [InlineData("2026-03-01", "2100-01-01", "ClosesOn")]
    [InlineData("2100-01-01", "2100-01-01", "OpensOn,ClosesOn")]
    [InlineData("0001-01-01", "2026-03-01", "OpensOn")]
    [InlineData("2026-03-01", "0001-01-01", "ClosesOn")]
    public void A_batch_window_lies_within_2000_to_2099_and_does_not_end_before_it_opens(string opens, string closes, string? fields) =>
        Assert.Equal(fields?.Split(',') ?? [], BatchErrors(Batch(opens, closes)));

    [Fact]
    public void A_missing_day_is_reported_as_required_not_as_out_of_range()
    {
        var result = new BatchContentRules().Validate(Batch("0001-01-01", "2026-03-01"));
        var messages = result.Errors.Where(e => e.PropertyName == "OpensOn").Select(e => e.ErrorMessage).ToList();
        Assert.Contains("需要开始日期 / The opening day is required", messages);
        Assert.Contains("开始日期须在 2000 至 2099 年之间 / The opening day must fall between 2000 and 2099", messages);
        var closing = new BatchContentRules().Validate(Batch("2026-03-01", "0001-01-01")).Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains("需要截止日期 / The closing day is required", closing);
        Assert.Contains("截止日期须在 2000 至 2099 年之间 / The closing day must fall between 2000 and 2099", closing);
        Assert.Contains("截止日期不能早于开始日期 / The closing day cannot be before the opening day", closing);
    }

    [Theory]
    [InlineData("name empty", "Name")]
    [InlineData("name 201", "Name")]
    [InlineData("name 200", null)]
    [InlineData("nameEn 301", "NameEn")]
    [InlineData("nameEn 300", null)]
    [InlineData("note 1001", "Note")]
    [InlineData("note 1000", null)]
    public void Each_batch_text_rule_on_its_own(string change, string? field)
    {
        var b = Batch();
        switch (change)
        {
            case "name empty": b.Name = ""; break;
            case "name 201": b.Name = S(201); break;
            case "name 200": b.Name = S(200); break;
            case "nameEn 301": b.NameEn = S(301); break;
            case "nameEn 300": b.NameEn = S(300); break;
            case "note 1001": b.Note = S(1001); break;
            case "note 1000": b.Note = S(1000); break;
        }
        Assert.Equal(field is null ? [] : [field], BatchErrors(b));
    }

    [Fact]
    public void The_custom_challenge_messages_are_bilingual()
    {
        var c = Sound();
        c.Indicators = [];
        c.Deliverables = Enumerable.Repeat("d", 51).ToList();
        c.Procurement = new ProcurementCommitment();
        var messages = new ChallengeContentRules().Validate(c).Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains("至少需要一项技术指标 / At least one technical indicator is required", messages);
        Assert.Contains("交付物最多50项 / At most 50 deliverables", messages);
        Assert.Contains("采购承诺需填写金额或数量 / The procurement commitment needs an amount or a quantity", messages);
        c = Sound();
        c.Indicators = Enumerable.Range(0, 51).Select(_ => new IndicatorInput { Name = "n", Target = "t" }).ToList();
        Assert.Contains("技术指标最多50项 / At most 50 indicators", new ChallengeContentRules().Validate(c).Errors.Select(e => e.ErrorMessage));
    }
}
