using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Organisations;

namespace Jiebang.Applications.Domain;

/// <summary>One organisation of an application as the registry knows it (null fields when it is not registered).</summary>
internal sealed record Party(
    Guid OrganisationId,
    ConsortiumRole Role,
    int BudgetShareBp,
    bool Registered,
    string Name,
    string CreditCode,
    string Type,
    string RegionCode,
    bool IndependentLegalPerson,
    string CreditStanding,
    string? CommercialisationBase);

internal sealed record EligibilityInput(
    ApplicationPhase? Phase,
    Guid IssuerOrganisationId,
    IReadOnlyList<Party> Parties,
    Declarations Declarations,
    IReadOnlyCollection<Guid> PriorAgreementOrganisations);

/// <summary>One rule's verdict; a failed rule names the organisation it is about when there is one.</summary>
internal sealed record RuleResult(string Code, bool Passed, string MessageZh, string MessageEn, Guid? OrganisationId = null);

/// <summary>
/// The eligibility rules of the call (揭榜条件), each with a stable code. Every rule is evaluated, so a refusal lists
/// all that failed at once.
/// </summary>
internal static class Eligibility
{
    public const string WindowOpen = "eligibility.window_open";
    public const string Registered = "eligibility.organisation_registered";
    public const string CreditCodeValid = "eligibility.credit_code_valid";
    public const string Mainland = "eligibility.mainland_registered";
    public const string LegalPerson = "eligibility.independent_legal_person";
    public const string CommercialisationBase = "eligibility.commercialisation_base";
    public const string GoodStanding = "eligibility.good_standing";
    public const string FirstCooperation = "eligibility.first_cooperation";
    public const string Consortium = "eligibility.consortium_well_formed";
    public const string DeclarationsMade = "eligibility.declarations";

    private static readonly string[] NeedsBase = [OrganisationTypes.University, OrganisationTypes.Institute, OrganisationTypes.NewRdInstitution];
    private static readonly string[] NeedsStanding = [OrganisationTypes.Enterprise, OrganisationTypes.SocialOrganisation];

    public static IReadOnlyList<RuleResult> Evaluate(EligibilityInput input)
    {
        var results = new List<RuleResult>();
        if (input.Phase is { } phase)
        {
            results.Add(phase == ApplicationPhase.Open
                ? Pass(WindowOpen, "在申报期内", "Within the application window")
                : Fail(WindowOpen, "不在申报期内", "Outside the application window"));
        }
        var registered = input.Parties.Where(p => p.Registered).ToList();
        PerParty(results, Registered, input.Parties, p => p.Registered,
            p => ($"单位 {p.OrganisationId} 未在主体库登记", $"Organisation {p.OrganisationId} is not registered"),
            ("所有单位均已登记", "All organisations are registered"));
        PerParty(results, CreditCodeValid, registered, p => CreditCode.Validate(p.CreditCode).IsValid,
            p => ($"{p.Name}的统一社会信用代码无效：{CreditCode.Validate(p.CreditCode).MessageZh}",
                $"{p.Name}: invalid credit code: {CreditCode.Validate(p.CreditCode).MessageEn}"),
            ("统一社会信用代码有效", "Credit codes are valid"));
        // The registration authority in the credit code decides, as the registry does; the stated region must agree
        // (records registered before the registry checked it may say otherwise).
        PerParty(results, Mainland, registered, p => Regions.IsMainland(p.RegionCode)
                && (!CreditCode.Validate(p.CreditCode).IsValid || Regions.IsMainlandAuthority(CreditCode.RegionOf(p.CreditCode))),
            p => ($"{p.Name}注册地不在中国大陆（{p.RegionCode}）", $"{p.Name} is not registered in mainland China ({p.RegionCode})"),
            ("均在中国大陆境内注册", "All are registered in mainland China"));
        PerParty(results, LegalPerson, registered, p => p.IndependentLegalPerson,
            p => ($"{p.Name}不具有独立法人资格", $"{p.Name} is not an independent legal person"),
            ("均具有独立法人资格", "All are independent legal persons"));
        PerParty(results, CommercialisationBase, registered.Where(p => NeedsBase.Contains(p.Type)),
            p => !string.IsNullOrWhiteSpace(p.CommercialisationBase),
            p => ($"{p.Name}（高校院所/新型研发机构）缺少成果转化和产业化基础", $"{p.Name} (university, institute or new R&D institution) has no commercialisation base"),
            ("高校院所及新型研发机构具备成果转化基础", "Universities, institutes and new R&D institutions have a commercialisation base"));
        PerParty(results, GoodStanding, registered.Where(p => NeedsStanding.Contains(p.Type)), p => p.CreditStanding == "Good",
            p => ($"{p.Name}（企业/社会组织）有不良信用记录", $"{p.Name} (enterprise or social organisation) has a bad credit record"),
            ("企业及社会组织无不良信用记录", "Enterprises and social organisations have no bad credit record"));

        var firstCooperationFailures = input.Parties
            .Where(p => p.OrganisationId == input.IssuerOrganisationId || input.PriorAgreementOrganisations.Contains(p.OrganisationId))
            .Select(p => p.OrganisationId == input.IssuerOrganisationId
                ? Fail(FirstCooperation, "发榜企业不能揭自己的榜", "The issuer cannot apply to its own challenge", p.OrganisationId)
                : Fail(FirstCooperation, $"{p.Name}已与发榜企业签署过研发协议，不属于首次实质研发合作",
                    $"{p.Name} already has an R&D agreement with the issuer; this is not a first cooperation", p.OrganisationId))
            .ToList();
        results.AddRange(firstCooperationFailures.Count > 0
            ? firstCooperationFailures
            : [Pass(FirstCooperation, "与发榜企业为首次实质研发合作", "First substantive cooperation with the issuer")]);

        results.Add(ConsortiumResult(input.Parties));

        var d = input.Declarations;
        results.Add(d.FirstCooperation && d.NoBadCreditRecord && d.IpProtection
            ? Pass(DeclarationsMade, "已作出全部声明", "All declarations are made")
            : Fail(DeclarationsMade, "须声明首次合作、无不良信用记录并承诺保护知识产权",
                "The application must declare first cooperation, no bad credit record and IP protection"));
        return results;
    }

    private static RuleResult ConsortiumResult(IReadOnlyList<Party> parties)
    {
        var leads = parties.Count(p => p.Role == ConsortiumRole.Lead);
        if (leads != 1)
        {
            return Fail(Consortium, $"须有且只有一家牵头单位（现有{leads}家）", $"There must be exactly one lead organisation (found {leads})");
        }
        if (parties.Select(p => p.OrganisationId).Distinct().Count() != parties.Count)
        {
            return Fail(Consortium, "同一单位不能重复出现在联合体中", "An organisation appears more than once in the consortium");
        }
        if (parties.Any(p => p.BudgetShareBp <= 0))
        {
            return Fail(Consortium, "每家单位的预算份额须大于0", "Every organisation needs a budget share above zero");
        }
        var total = parties.Sum(p => (long)p.BudgetShareBp);
        return total == 10_000
            ? Pass(Consortium, "联合体构成合规，预算份额合计100%", "The consortium is well formed and shares sum to 100%")
            : Fail(Consortium, $"预算份额合计须为100%（现为{total / 100m:0.##}%）", $"Budget shares must sum to 100% (they sum to {total / 100m:0.##}%)");
    }

    private static void PerParty(List<RuleResult> results, string code, IEnumerable<Party> parties, Func<Party, bool> ok,
        Func<Party, (string Zh, string En)> failure, (string Zh, string En) success)
    {
        var failed = parties.Where(p => !ok(p)).Select(p =>
        {
            var (zh, en) = failure(p);
            return Fail(code, zh, en, p.OrganisationId);
        }).ToList();
        results.AddRange(failed.Count > 0 ? failed : [Pass(code, success.Zh, success.En)]);
    }

    private static RuleResult Pass(string code, string zh, string en) => new(code, true, zh, en);

    private static RuleResult Fail(string code, string zh, string en, Guid? organisation = null) => new(code, false, zh, en, organisation);
}
